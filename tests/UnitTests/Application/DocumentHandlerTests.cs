using FluentValidation;
using FluentValidation.TestHelper;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Application.Documents;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class DocumentHandlerTests : HandlerTest
{
    private static readonly DateOnly Issued = new(2026, 3, 2);

    private static SaveDocument Invoice(int? id, int contactId, decimal quantity = 1, DateTimeOffset? unchangedSince = null) =>
        new(id, contactId, DocumentKind.Invoice, "RE-1", Issued, null, "EUR", [new DocumentLineItem("Service", quantity, 100, 19)],
            unchangedSince);

    [Fact]
    public async Task A_revision_made_with_the_version_read_before_another_change_is_refused_as_a_clash_and_stores_nothing()
    {
        var contact = await AddPersonAsync("Anna Berg", null);
        var id = await SendAsync(Invoice(null, contact));
        var read = (await SendAsync(new GetDocument(id))).UpdatedAt;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(Invoice(id, contact, quantity: 2, unchangedSince: read));

        await Should.ThrowAsync<ConflictException>(() => SendAsync(Invoice(id, contact, quantity: 3, unchangedSince: read)).AsTask());

        var stored = await SendAsync(new GetDocument(id));
        stored.TotalAmount.ShouldBe(238m);
        stored.UpdatedAt.ShouldBe(Clock.GetUtcNow());
        await SendAsync(Invoice(id, contact, quantity: 3, unchangedSince: stored.UpdatedAt));
        (await SendAsync(new GetDocument(id))).TotalAmount.ShouldBe(357m);
    }

    [Fact]
    public async Task A_status_move_made_with_the_version_read_before_another_change_is_refused_as_a_clash_and_moves_nothing()
    {
        var contact = await AddPersonAsync("Anna Berg", null);
        var id = await SendAsync(Invoice(null, contact));
        var read = (await SendAsync(new GetDocument(id))).UpdatedAt;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(new ChangeDocumentStatus(id, DocumentStatus.Sent));

        await Should.ThrowAsync<ConflictException>(() =>
            SendAsync(new ChangeDocumentStatus(id, DocumentStatus.Cancelled, read)).AsTask());

        var stored = await SendAsync(new GetDocument(id));
        stored.Status.ShouldBe(DocumentStatus.Sent);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(new ChangeDocumentStatus(id, DocumentStatus.Paid, stored.UpdatedAt));
        (await SendAsync(new GetDocument(id))).Status.ShouldBe(DocumentStatus.Paid);
    }

    [Fact]
    public async Task A_pdf_attached_with_the_version_read_before_another_change_is_refused_as_a_clash_and_keeps_the_pdf_it_had()
    {
        var contact = await AddPersonAsync("Anna Berg", null);
        var id = await SendAsync(Invoice(null, contact));
        var read = (await SendAsync(new GetDocument(id))).UpdatedAt;
        Clock.Advance(TimeSpan.FromMinutes(1));
        var theirs = "%PDF-1.4\n% theirs\n%%EOF\n"u8.ToArray();
        await SendAsync(new AttachDocumentPdf(id, "theirs.pdf", theirs, read));

        await Should.ThrowAsync<ConflictException>(() =>
            SendAsync(new AttachDocumentPdf(id, "mine.pdf", "%PDF-1.4\n% mine\n%%EOF\n"u8.ToArray(), read)).AsTask());

        (await SendAsync(new GetDocumentPdf(id))).Content.ShouldBe(theirs);
    }

    [Fact]
    public async Task A_document_for_a_contact_that_does_not_exist_is_a_mistake_in_the_contact_field_and_stores_nothing()
    {
        var refused = await Should.ThrowAsync<ValidationException>(() => SendAsync(Invoice(null, 4711)).AsTask());

        var failure = refused.Errors.ShouldHaveSingleItem();
        failure.PropertyName.ShouldBe(nameof(SaveDocument.ContactId));
        failure.ErrorMessage.ShouldBe(SaveDocumentValidator.ContactUnknown);
        (await ReadAsync(db => db.Documents.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_contacts_documents_are_read_in_pages_of_the_size_asked_for()
    {
        var contact = await AddPersonAsync("Anna Berg", null);
        foreach (var number in new[] { "RE-1", "RE-2", "RE-3" })
            await SendAsync(Invoice(null, contact) with { Number = number });

        var first = await SendAsync(new ListDocuments(ContactId: contact, PageSize: 2));
        var second = await SendAsync(new ListDocuments(ContactId: contact, PageSize: 2, Paging: new PageRequest(After: first.Page.NextCursor)));

        first.Page.Items.Select(d => d.Number).ShouldBe(["RE-3", "RE-2"]);
        second.Page.Items.Select(d => d.Number).ShouldBe(["RE-1"]);
        second.Page.NextCursor.ShouldBeNull();
        first.ContactName.ShouldBe("Anna Berg");
    }
}

public sealed class AttachDocumentPdfValidatorTests
{
    private readonly AttachDocumentPdfValidator _validator = new();

    [Fact]
    public void An_empty_file_is_refused_as_no_file() =>
        _validator.TestValidate(new AttachDocumentPdf(1, "a.pdf", [])).ShouldHaveValidationErrorFor(c => c.Content)
            .WithErrorMessage(DomainErrors.DocumentPdfEmpty.Message).Only();

    [Fact]
    public void A_file_over_the_limit_is_refused_for_its_size_without_reading_its_signature()
    {
        var content = new byte[DocumentFile.MaxSizeBytes + 1];
        "%PDF-"u8.CopyTo(content);

        _validator.TestValidate(new AttachDocumentPdf(1, "a.pdf", content)).ShouldHaveValidationErrorFor(c => c.Content)
            .WithErrorMessage(DomainErrors.DocumentPdfTooLarge.Message).Only();
    }

    [Fact]
    public void A_file_without_the_pdf_signature_is_refused_as_not_a_pdf() =>
        _validator.TestValidate(new AttachDocumentPdf(1, "a.pdf", "GIF89a"u8.ToArray())).ShouldHaveValidationErrorFor(c => c.Content)
            .WithErrorMessage(DomainErrors.DocumentPdfInvalid.Message).Only();
}
