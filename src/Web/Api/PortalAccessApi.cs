using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Application.Contacts;
using Portal.Application.PortalAccess;
using Portal.Application.PortalAccess.Jobs;
using Portal.Domain.PortalAccess;
using Portal.Domain.PortalAccess.Jobs;

namespace Portal.Web.Api;

/// <summary>A contact's portal access: its state, login, last sign-in and whether the latest invitation mail went out.</summary>
public sealed record ApiPortalAccess(
    int ContactId,
    PortalAccessState? State,
    string? Login,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? InvitationExpiresAt,
    string? InvitationDelivery,
    bool CompanyAdministrator);

/// <summary>A grant or re-invite: the address to use (the contact's when left out) and a welcome message for the mail.</summary>
public sealed record ApiInvitationInput(string? Email = null, string? WelcomeMessage = null, bool CompanyAdministrator = false);

/// <summary>The contacts a bulk grant works on, chosen like the contact list's filters.</summary>
public sealed record ApiBulkGrantInput(string? Search = null, AccessFilter Access = AccessFilter.All, string? WelcomeMessage = null);

public sealed record ApiJob(
    int Id,
    PortalAccessJobKind Kind,
    PortalAccessJobStatus Status,
    int Total,
    int Done,
    int Refused,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

public static class PortalAccessApi
{
    public static void MapPortalAccessApi(this RouteGroupBuilder api)
    {
        var access = api.MapGroup("/contacts/{id:int}/access").WithTags("Portal access");

        access.MapGet("/", GetAsync)
            .WithName("GetPortalAccess")
            .WithSummary("Reads a contact's portal access.")
            .WithDescription("State is null for a contact that never had access.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        access.MapPost("/", GrantAsync)
            .WithName("GrantPortalAccess")
            .WithSummary("Grants a contact portal access and sends the invitation mail.")
            .WithDescription("Refused with 409 when access is already granted, 422 when the address can't be a login.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        access.MapPost("/re-invite", ReInviteAsync)
            .WithName("ReInvitePortalUser")
            .WithSummary("Sends a contact a new invitation link; every older one stops working.")
            .WithDescription("Refused with 409 without access or when the last link is less than a minute old.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        access.MapDelete("/", RevokeAsync)
            .WithName("RevokePortalAccess")
            .WithSummary("Revokes a contact's portal access; every session of theirs ends at once.")
            .WithDescription("Nothing is deleted: the contact keeps its history and may be granted access again.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        var jobs = api.MapGroup("/portal-access/jobs").WithTags("Portal access");

        jobs.MapPost("/grant", StartBulkGrantAsync)
            .WithName("StartBulkGrant")
            .WithSummary("Grants portal access to every contact a filter matches, in the background.")
            .WithDescription("Answers 202 with the job; follow its Location for progress. Contacts that can't be granted are refused one by one.")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity);

        jobs.MapGet("/{jobId:int}", GetJobAsync)
            .WithName("GetPortalAccessJob")
            .WithSummary("Reads a bulk job's progress.")
            .WithDescription("Done and refused count up until the status is Completed or Cancelled.")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<ApiPortalAccess>> GetAsync(int id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(id, sender, cancellationToken));

    private static async Task<Ok<ApiPortalAccess>> GrantAsync(
        int id, ApiInvitationInput input, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new GrantPortalAccess(id, input.Email, input.WelcomeMessage, input.CompanyAdministrator), cancellationToken);
        return TypedResults.Ok(await ReadAsync(id, sender, cancellationToken));
    }

    private static async Task<Ok<ApiPortalAccess>> ReInviteAsync(
        int id, ApiInvitationInput input, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new ReInvitePortalUser(id, input.Email, input.WelcomeMessage), cancellationToken);
        return TypedResults.Ok(await ReadAsync(id, sender, cancellationToken));
    }

    private static async Task<Ok<ApiPortalAccess>> RevokeAsync(int id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokePortalAccess(id), cancellationToken);
        return TypedResults.Ok(await ReadAsync(id, sender, cancellationToken));
    }

    private static async Task<Accepted<ApiJob>> StartBulkGrantAsync(ApiBulkGrantInput input, ISender sender, CancellationToken cancellationToken)
    {
        var jobId = await sender.Send(new StartPortalAccessJob(PortalAccessJobKind.Grant, input.Search, input.Access, input.WelcomeMessage),
            cancellationToken);
        return TypedResults.Accepted($"/api/v1/portal-access/jobs/{jobId}", await ReadJobAsync(jobId, sender, cancellationToken));
    }

    private static async Task<Ok<ApiJob>> GetJobAsync(int jobId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadJobAsync(jobId, sender, cancellationToken));

    private static async Task<ApiJob> ReadJobAsync(int jobId, ISender sender, CancellationToken cancellationToken)
    {
        var job = (await sender.Send(new GetPortalAccessJob(jobId), cancellationToken)).Job;
        return new ApiJob(job.Id, job.Kind, job.Status, job.Total, job.Done, job.Refused, job.CreatedAt, job.FinishedAt);
    }

    private static async Task<ApiPortalAccess> ReadAsync(int id, ISender sender, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetContact(id), cancellationToken);
        var access = view.Access;
        return new ApiPortalAccess(view.Id, access?.State, access?.Login, access?.LastSignInAt, access?.LatestInvitation?.ExpiresAt,
            access?.LatestInvitation?.DeliveryStatus?.ToString(), access?.IsCompanyAdministrator ?? false);
    }
}
