using Portal.Domain.Activity;
using Portal.Domain.Common;

namespace Portal.Domain.CompanyAccounts;

/// <summary>A company administrator asked for a colleague's access; recorded on the company, whose history shows it.</summary>
public sealed record ColleagueRequested(ColleagueRequest Request, string CompanyName, string Actor) : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForContact(ActivityKind.ColleagueRequested, Request.RequestedAt, actorUserId, Actor, Request.CompanyId,
            CompanyName, $"{Request.Name} <{Request.Email}>");

    public override string ToString() => $"{nameof(ColleagueRequested)} {{ CompanyId = {Request.CompanyId} }}";
}

/// <summary>Staff approved or refused a request; the requester is told by mail.</summary>
public sealed record ColleagueRequestDecided(ColleagueRequest Request, string CompanyName, bool Approved) : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForContact(Approved ? ActivityKind.ColleagueRequestApproved : ActivityKind.ColleagueRequestRefused,
            Request.DecidedAt!.Value, actorUserId, Request.DecidedBy ?? "", Request.CompanyId, CompanyName,
            $"{Request.Name} <{Request.Email}>");

    public override string ToString() => $"{nameof(ColleagueRequestDecided)} {{ CompanyId = {Request.CompanyId}, Approved = {Approved} }}";
}
