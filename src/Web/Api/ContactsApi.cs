using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Web.Api;

/// <summary>
/// A contact as the API shows it. <see cref="CompanyName"/> is a person's free-text company (a linked company is
/// <see cref="CompanyId"/>). <see cref="Version"/> (also the ETag) is what an update sends back to detect a clash.
/// </summary>
public sealed record ApiContact(
    int Id,
    ContactKind Kind,
    string Name,
    string? Email,
    string? Phone,
    string? Street,
    string? PostalCode,
    string? City,
    string? CountryCode,
    string? VatNumber,
    string? CompanyName,
    int? CompanyId,
    string PreferredLanguage,
    string? ExternalReference,
    PortalAccessState? AccessState,
    string Version);

/// <summary>A contact's fields as a create or update sends them; a field left out is empty. Unknown fields are ignored.</summary>
public sealed record ApiContactInput(
    ContactKind Kind = ContactKind.Person,
    string? Name = null,
    string? Email = null,
    string? Phone = null,
    string? Street = null,
    string? PostalCode = null,
    string? City = null,
    string? CountryCode = null,
    string? VatNumber = null,
    string? CompanyName = null,
    int? CompanyId = null,
    string? PreferredLanguage = null,
    string? ExternalReference = null,
    string? Version = null)
{
    public SaveContact ToCommand(int? id, string? externalReference, DateTimeOffset? unchangedSince) => new(
        id,
        Kind,
        Email,
        CompanyId,
        new ContactDetails(Name ?? "", Phone, Street, PostalCode, City, CountryCode, VatNumber, CompanyName, PreferredLanguage ?? "en"),
        externalReference,
        unchangedSince);
}

/// <summary>One page of a list; <see cref="NextCursor"/> asks for the next one and is null on the last.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record ApiCompanyLink(int? CompanyId);

public static class ContactsApi
{
    public static void MapContactsApi(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");

        contacts.MapGet("/", ListAsync)
            .WithName("ListContacts")
            .WithSummary("Lists contacts, oldest first, a page at a time.")
            .WithDescription("Filters by search text, access state and last change. Pass nextCursor back as cursor for the next page.")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity);

        contacts.MapGet("/{id:int}", GetAsync)
            .WithName("GetContact")
            .WithSummary("Reads one contact.")
            .WithDescription("The ETag header (and the version field) is what an update sends back in If-Match.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        contacts.MapPost("/", CreateAsync)
            .WithName("CreateContact")
            .WithSummary("Creates a contact.")
            .WithDescription("Send an Idempotency-Key header to make a retry safe: the same key answers the same way for 24 hours.")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        contacts.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateContact")
            .WithSummary("Replaces a contact's details.")
            .WithDescription("Send the version you read (If-Match header or version field): a change made since is refused with 409.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        contacts.MapPut("/by-reference/{reference}", UpsertAsync)
            .WithName("UpsertContactByReference")
            .WithSummary("Creates or updates the contact another system knows by its reference.")
            .WithDescription("Idempotent: sending the same body again changes nothing. Answers 201 when the contact was created.")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        contacts.MapPut("/{id:int}/company", LinkToCompanyAsync)
            .WithName("LinkContactToCompany")
            .WithSummary("Makes a person a member of a company contact, or of none.")
            .WithDescription("Send companyId null to unlink. A company administrator of the old company stops being one.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<ApiPage<ContactListItem>>> ListAsync(
        ISender sender,
        CancellationToken cancellationToken,
        [FromQuery] string? search = null,
        [FromQuery] AccessFilter access = AccessFilter.All,
        [FromQuery] DateTimeOffset? updatedSince = null,
        [FromQuery] string? cursor = null,
        [FromQuery] int pageSize = ListContacts.DefaultPageSize)
    {
        var page = await sender.Send(new ListContacts(search, access, ContactSort.Created, Paging: new PageRequest(After: cursor),
            PageSize: pageSize, UpdatedSince: updatedSince?.ToUniversalTime()), cancellationToken);
        return TypedResults.Ok(new ApiPage<ContactListItem>(page.Items, page.NextCursor));
    }

    private static async Task<Ok<ApiContact>> GetAsync(int id, ISender sender, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(id, sender, response, cancellationToken));

    private static async Task<Created<ApiContact>> CreateAsync(
        ApiContactInput input, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var id = await sender.Send(input.ToCommand(null, input.ExternalReference, null), cancellationToken);
        return TypedResults.Created($"/api/v1/contacts/{id}", await ReadAsync(id, sender, response, cancellationToken));
    }

    private static async Task<Ok<ApiContact>> UpdateAsync(
        int id, ApiContactInput input, ISender sender, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        await sender.Send(input.ToCommand(id, input.ExternalReference, ApiVersions.Expected(request, input.Version)), cancellationToken);
        return TypedResults.Ok(await ReadAsync(id, sender, response, cancellationToken));
    }

    private static async Task<Results<Ok<ApiContact>, Created<ApiContact>>> UpsertAsync(
        string reference, ApiContactInput input, ISender sender, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var existing = await sender.Send(new FindContactByReference(reference), cancellationToken);
        var id = await sender.Send(input.ToCommand(existing, reference, existing is null ? null : ApiVersions.Expected(request, input.Version)),
            cancellationToken);
        var contact = await ReadAsync(id, sender, response, cancellationToken);
        return existing is null ? TypedResults.Created($"/api/v1/contacts/{id}", contact) : TypedResults.Ok(contact);
    }

    private static async Task<Ok<ApiContact>> LinkToCompanyAsync(
        int id, ApiCompanyLink link, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        await sender.Send(new LinkContactToCompany(id, link.CompanyId), cancellationToken);
        return TypedResults.Ok(await ReadAsync(id, sender, response, cancellationToken));
    }

    private static async Task<ApiContact> ReadAsync(int id, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetContact(id), cancellationToken);
        var contact = ToApi(view);
        ApiVersions.SetETag(response, contact.Version);
        return contact;
    }

    public static ApiContact ToApi(ContactView view) => new(
        view.Id,
        view.Kind,
        view.Name,
        view.Email,
        view.Details.Phone,
        view.Details.Street,
        view.Details.PostalCode,
        view.Details.City,
        view.Details.CountryCode,
        view.Details.VatNumber,
        view.Details.CompanyName,
        view.CompanyId,
        view.Details.PreferredLanguage,
        view.ExternalReference,
        view.Access?.State,
        ApiVersions.Of(view.UpdatedAt));
}
