using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Activity;
using Portal.Domain.Users;

namespace Portal.Application.Activity;

/// <summary>
/// The back-office activity list, newest first: who granted, revoked or re-invited which contact, who changed
/// which colleague or setting. Filters by staff member, contact (its id, or a part of its name or e-mail),
/// kind and a UTC date range.
/// </summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListActivity(
    int? StaffMemberId = null,
    int? ContactId = null,
    string? Contact = null,
    ActivityKind? Kind = null,
    DateOnly? From = null,
    DateOnly? To = null,
    PageRequest? Paging = null) : IStaffRequest, IRequest<ActivityPage>
{
    public const int PageSize = 50;
    public const int ContactSearchMaxLength = 100;
}

public sealed record ActivityItem(
    long Id, DateTimeOffset OccurredAt, ActivityKind Kind, int? ActorUserId, string ActorName,
    int? ContactId, int? StaffUserId, string SubjectName, string? Detail, ActivityActorKind ActorKind = ActivityActorKind.Staff);

public sealed record StaffOption(int Id, string DisplayName, string Login);

public sealed record ActivityPage(KeysetPage<ActivityItem> Entries, IReadOnlyList<StaffOption> StaffMembers);

public sealed class ListActivityHandler(IRecordReader<ActivityEntry> activity, IReadRepository<InternalUser> staff, IListCounter counter)
    : IRequestHandler<ListActivity, ActivityPage>
{
    public async ValueTask<ActivityPage> Handle(ListActivity query, CancellationToken cancellationToken)
    {
        var filtered = query.StaffMemberId is not null || query.ContactId is not null || !string.IsNullOrWhiteSpace(query.Contact)
            || query.Kind is not null || query.From is not null || query.To is not null;
        var entries = await activity.KeysetPageAsync(ActivityFilterSpec.Order, query.Paging ?? PageRequest.First, ListActivity.PageSize,
            position => new ActivityFilterSpec(query, position), counter, filtered, cancellationToken);
        var staffMembers = await staff.ListAsync(new StaffOptionsSpec(), cancellationToken);
        return new ActivityPage(entries, staffMembers);
    }
}

/// <summary>Newest first; each filter column has an index (column, OccurredAt, Id) that serves the order too.</summary>
public sealed class ActivityFilterSpec : Specification<ActivityEntry, ActivityItem>
{
    public static KeysetOrder<ActivityEntry, ActivityItem> Order { get; } =
        new KeysetOrder<ActivityEntry, ActivityItem>("activity", descending: true)
            .By(a => a.OccurredAt, a => a.OccurredAt).By(a => a.Id, a => a.Id);

    public ActivityFilterSpec(ListActivity filter, KeysetPosition position)
    {
        // "By a staff member" means what they did, and what was done to them as a colleague.
        if (filter.StaffMemberId is { } staffId) Query.Where(a => a.ActorUserId == staffId || a.StaffUserId == staffId);
        if (filter.ContactId is { } contactId) Query.Where(a => a.ContactId == contactId);
        if (!string.IsNullOrWhiteSpace(filter.Contact))
        {
            var term = filter.Contact.Trim();
            Query.Where(a => a.ContactId != null)
                .Search(a => a.SubjectName, SearchPattern.Contains(term[..Math.Min(term.Length, ListActivity.ContactSearchMaxLength)]));
        }
        if (filter.Kind is { } kind) Query.Where(a => a.Kind == kind);
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Query.Where(a => a.OccurredAt >= start);
        }
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Query.Where(a => a.OccurredAt < end);
        }
        Order.Apply(Query, position, ListActivity.PageSize + 1);
        Query.AsNoTracking();
        Query.Select(a => new ActivityItem(a.Id, a.OccurredAt, a.Kind, a.ActorUserId, a.ActorName, a.ContactId, a.StaffUserId,
            a.SubjectName, a.Detail, a.ActorKind));
    }
}

public sealed class StaffOptionsSpec : Specification<InternalUser, StaffOption>
{
    public StaffOptionsSpec()
    {
        Query.OrderBy(u => u.DisplayName).ThenBy(u => u.Login).AsNoTracking();
        Query.Select(u => new StaffOption(u.Id, u.DisplayName, u.Login));
    }
}
