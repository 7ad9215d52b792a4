using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Documents;
using Portal.Domain.Documents;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Api;

/// <summary>
/// A document as the API shows it: its lines, the totals computed from them (tax per rate), the statuses it may move to next,
/// and its PDF if it has one. <see cref="Version"/> (also the ETag) is what an update, a status move or a PDF upload sends back to
/// detect a clash.
/// </summary>
public sealed record ApiDocument(
    int Id,
    int ContactId,
    DocumentKind Kind,
    string Number,
    DateOnly IssuedOn,
    DateOnly? DueOn,
    string Currency,
    DocumentStatus Status,
    decimal NetAmount,
    decimal TaxAmount,
    decimal TotalAmount,
    IReadOnlyList<DocumentLineView> Lines,
    IReadOnlyList<TaxAmountByRate> Taxes,
    IReadOnlyList<DocumentStatus> NextStatuses,
    DocumentPdfInfo? Pdf,
    string Version);

/// <summary>
/// A document's fields as a create or update sends them. Contact and kind are fixed once the document exists, so an update
/// leaves them out (they are ignored if sent). Unknown fields are ignored.
/// </summary>
public sealed record ApiDocumentInput(
    int? ContactId = null,
    DocumentKind? Kind = null,
    string? Number = null,
    DateOnly? IssuedOn = null,
    DateOnly? DueOn = null,
    string? Currency = null,
    IReadOnlyList<DocumentLineItem>? Lines = null,
    string? Version = null)
{
    public SaveDocument ToCommand(int? id, int contactId, DocumentKind kind, DateTimeOffset? unchangedSince) =>
        new(id, contactId, kind, Number, IssuedOn, DueOn, Currency, Lines ?? [], unchangedSince);
}

/// <summary>A status move; <see cref="Version"/> is the version read, as an update sends it (If-Match wins if both are sent).</summary>
public sealed record ApiDocumentStatusInput(DocumentStatus Status, string? Version = null);

public static class DocumentsApi
{
    /// <summary>The multipart field that carries the PDF.</summary>
    public const string PdfField = "file";

    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");

        documents.MapPost("/", CreateAsync)
            .WithName("CreateDocument")
            .WithSummary("Creates a draft quotation, sales order, invoice or credit note for a contact.")
            .WithDescription("The totals are computed from the lines. Send an Idempotency-Key header to make a retry safe: the same key " +
                "answers the same way for 24 hours.")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity);

        documents.MapGet("/{id:int}", GetAsync)
            .WithName("GetDocument")
            .WithSummary("Reads one document with its lines and totals.")
            .WithDescription("The ETag header (and the version field) is what an update, a status move or a PDF upload sends back " +
                "in If-Match.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        documents.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateDocument")
            .WithSummary("Replaces a draft's number, dates, currency and lines.")
            .WithDescription("Send the version you read (If-Match header or version field): a change made since is refused with 409, " +
                "and so is any change once the document has left the draft status.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        documents.MapPost("/{id:int}/status", ChangeStatusAsync)
            .WithName("ChangeDocumentStatus")
            .WithSummary("Moves a document to another status, e.g. an invoice from Sent to Paid.")
            .WithDescription("nextStatuses lists the moves allowed; any other is refused with 409, a status the kind doesn't have with 422. " +
                "Send the version you read (If-Match header or version field): a change made since is refused with 409.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        documents.MapPut("/{id:int}/pdf", AttachPdfAsync)
            .WithName("UploadDocumentPdf")
            .WithSummary("Uploads a document's PDF, replacing the one it had.")
            .WithDescription($"multipart/form-data with the file in the field '{PdfField}'. A file that is empty, not a PDF or larger than " +
                $"{DocumentFile.MaxSizeMegabytes} MB is refused with 422; a request over 20 MB with 413. Send the version you read in " +
                "If-Match: a change made since (another PDF, a status move) is refused with 409.")
            .DisableAntiforgery()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        documents.MapGet("/{id:int}/pdf", GetPdfAsync)
            .WithName("GetDocumentPdf")
            .WithSummary("Downloads a document's PDF.")
            .WithDescription("404 when the document has no PDF.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), PdfFile.ContentType)
            .ProducesProblems(StatusCodes.Status404NotFound);

        api.MapGet("/contacts/{id:int}/documents", ListByContactAsync)
            .WithTags("Documents")
            .WithName("ListContactDocuments")
            .WithSummary("Lists the documents of a contact, newest first, a page at a time.")
            .WithDescription("Filters by kind and status; drafts are included. Pass nextCursor back as cursor for the next page.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Created<ApiDocument>> CreateAsync(
        ApiDocumentInput input, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var id = await sender.Send(input.ToCommand(null, input.ContactId ?? 0, input.Kind ?? default, null), cancellationToken);
        return TypedResults.Created($"/api/v1/documents/{id}", await ReadAsync(id, sender, response, cancellationToken));
    }

    private static async Task<Ok<ApiDocument>> GetAsync(int id, ISender sender, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(id, sender, response, cancellationToken));

    private static async Task<Ok<ApiDocument>> UpdateAsync(
        int id, ApiDocumentInput input, ISender sender, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = ApiVersions.Expected(request, input.Version);
        var current = await sender.Send(new GetDocument(id), cancellationToken);
        await sender.Send(input.ToCommand(id, current.ContactId, current.Kind, expected), cancellationToken);
        return TypedResults.Ok(await ReadAsync(id, sender, response, cancellationToken));
    }

    private static async Task<Ok<ApiDocument>> ChangeStatusAsync(
        int id, ApiDocumentStatusInput input, ISender sender, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = ApiVersions.Expected(request, input.Version);
        await sender.Send(new ChangeDocumentStatus(id, input.Status, expected), cancellationToken);
        return TypedResults.Ok(await ReadAsync(id, sender, response, cancellationToken));
    }

    private static async Task<Ok<ApiDocument>> AttachPdfAsync(
        int id, IFormFile? file, ISender sender, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        // A multipart body has no version field: the version comes in If-Match only.
        var expected = ApiVersions.Expected(request, null);
        var content = await ReadUpToLimitAsync(file, cancellationToken);
        try
        {
            await sender.Send(new AttachDocumentPdf(id, file?.FileName, content, expected), cancellationToken);
        }
        catch (ValidationException invalid)
        {
            // The command checks the bytes it was given; the caller knows them as the form field they sent.
            foreach (var failure in invalid.Errors) failure.PropertyName = PdfField;
            throw;
        }
        return TypedResults.Ok(await ReadAsync(id, sender, response, cancellationToken));
    }

    /// <summary>
    /// The upload's bytes, but never more than one past the size a PDF may have: that is enough for the command's own check to
    /// refuse an oversized file, without holding all of it.
    /// </summary>
    private static async Task<byte[]> ReadUpToLimitAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return [];
        var content = new byte[Math.Min(file.Length, DocumentFile.MaxSizeBytes + 1)];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }

    private static async Task<FileContentHttpResult> GetPdfAsync(int id, ISender sender, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var pdf = await sender.Send(new GetDocumentPdf(id), cancellationToken);
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(pdf.Content, PdfFile.ContentType, pdf.FileName);
    }

    private static async Task<Ok<ApiPage<DocumentRow>>> ListByContactAsync(
        int id,
        ISender sender,
        CancellationToken cancellationToken,
        [FromQuery] DocumentKind? kind = null,
        [FromQuery] DocumentStatus? status = null,
        [FromQuery] string? cursor = null,
        [FromQuery] int pageSize = ListDocuments.DefaultPageSize)
    {
        var list = await sender.Send(new ListDocuments(kind, status, ContactId: id, Paging: new PageRequest(After: cursor),
            PageSize: pageSize), cancellationToken);
        if (list.ContactName is null) throw new NotFoundException("Contact");
        return TypedResults.Ok(new ApiPage<DocumentRow>(list.Page.Items, list.Page.NextCursor));
    }

    private static async Task<ApiDocument> ReadAsync(int id, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetDocument(id), cancellationToken);
        var document = new ApiDocument(view.Id, view.ContactId, view.Kind, view.Number, view.IssuedOn, view.DueOn, view.Currency,
            view.Status, view.NetAmount, view.TaxAmount, view.TotalAmount, view.Lines, view.Taxes, view.NextStatuses, view.Pdf,
            ApiVersions.Of(view.UpdatedAt));
        ApiVersions.SetETag(response, document.Version);
        return document;
    }
}
