using Portal.Domain.Activity;

namespace Portal.Domain.Contacts;

/// <summary>An import was committed; the activity list keeps its totals ("new,updated,unchanged,refused").</summary>
public sealed record ContactsImported(
    string FileName, int New, int Updated, int Unchanged, int Refused, string Actor, DateTimeOffset OccurredAt) : IRecordedActivity
{
    public string Totals => FormattableString.Invariant($"{New},{Updated},{Unchanged},{Refused}");

    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForMany(ActivityKind.ContactsImported, OccurredAt, actorUserId, Actor, FileName, Totals);
}
