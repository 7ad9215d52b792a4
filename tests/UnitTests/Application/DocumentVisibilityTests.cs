using System.Reflection;
using Portal.Application.Common;
using Portal.Application.Documents;
using Portal.Domain.Documents;
using Portal.UnitTests.Domain;

namespace Portal.UnitTests.Application;

/// <summary>The one visibility rule, evaluated in memory: own contact and company, never a draft, nothing else.</summary>
public sealed class DocumentVisibilityTests
{
    private const int Anna = 1, Company = 2, Ben = 3, OtherCompany = 4;

    private static readonly List<Document> Documents = Build();

    private static List<Document> Build()
    {
        var documents = new List<Document>();
        var id = 100;
        foreach (var owner in new[] { Anna, Company, Ben, OtherCompany })
        {
            foreach (var status in new[] { DocumentStatus.Draft, DocumentStatus.Sent, DocumentStatus.Paid, DocumentStatus.Cancelled })
            {
                var document = DocumentTests.NewDocument(DocumentKind.Invoice, $"{owner}-{status}", owner);
                if (status != DocumentStatus.Draft) document.ChangeStatus(DocumentStatus.Sent, Given.Now, Given.Admin);
                if (status is DocumentStatus.Paid or DocumentStatus.Cancelled) document.ChangeStatus(status, Given.Now, Given.Admin);
                typeof(Document).GetProperty(nameof(Document.Id))!.SetValue(document, id++);
                documents.Add(document);
            }
        }
        return documents;
    }

    [Fact]
    public void A_company_member_sees_the_non_draft_documents_of_its_own_contact_and_its_company()
    {
        var visible = new VisibleDocumentsSpec(new DocumentViewer(Anna, Company)).Evaluate(Documents).ToList();

        visible.Select(d => d.ContactId).Distinct().Order().ShouldBe([Anna, Company]);
        visible.ShouldAllBe(d => d.Status != DocumentStatus.Draft);
        visible.Count.ShouldBe(6);
    }

    [Fact]
    public void A_person_without_a_company_sees_only_its_own()
    {
        var visible = new VisibleDocumentsSpec(new DocumentViewer(Ben, null)).Evaluate(Documents).ToList();
        visible.Select(d => d.Number).Order().ShouldBe(["3-Cancelled", "3-Paid", "3-Sent"]);
    }

    [Fact]
    public void A_colleague_limited_to_some_kinds_sees_only_those_of_the_company_and_all_of_their_own()
    {
        var documents = new List<Document>();
        var id = 500;
        foreach (var owner in new[] { Anna, Company })
            foreach (var kind in Enum.GetValues<DocumentKind>())
            {
                var document = DocumentTests.NewDocument(kind, $"{owner}-{kind}", owner);
                document.ChangeStatus(document.NextStatuses()[0], Given.Now, Given.Admin);
                typeof(Document).GetProperty(nameof(Document.Id))!.SetValue(document, id++);
                documents.Add(document);
            }

        List<string> Seen(DocumentKindSet? kinds) =>
            new VisibleDocumentsSpec(new DocumentViewer(Anna, Company, kinds)).Evaluate(documents).Select(d => d.Number).Order().ToList();

        Seen(null).Count.ShouldBe(8);
        Seen(DocumentKindSet.All).Count.ShouldBe(8);
        Seen(DocumentKindSet.Of([DocumentKind.Invoice])).ShouldBe(["1-CreditNote", "1-Invoice", "1-Quotation", "1-SalesOrder", "2-Invoice"]);
        Seen(DocumentKindSet.Of([])).ShouldAllBe(number => number.StartsWith('1'));
        Seen(DocumentKindSet.Of([])).Count.ShouldBe(4);
    }

    private static readonly KeysetOrder<Document, MyDocumentListItem> ByDate = MyDocumentListSpec.Order(MyDocumentSort.Date, true);

    [Fact]
    public void The_customer_queries_use_the_same_rule()
    {
        var anna = new DocumentViewer(Anna, Company);
        var draftOfAnna = Documents.Single(d => d.Number == "1-Draft").Id;
        var sentOfCompany = Documents.Single(d => d.Number == "2-Sent").Id;
        var sentOfOther = Documents.Single(d => d.Number == "4-Sent").Id;

        new MyDocumentSpec(anna, sentOfCompany).Evaluate(Documents).Single().Number.ShouldBe("2-Sent");
        new MyDocumentSpec(anna, draftOfAnna).Evaluate(Documents).ShouldBeEmpty();
        new MyDocumentSpec(anna, sentOfOther).Evaluate(Documents).ShouldBeEmpty();
        new MyDocumentPdfSpec(anna, sentOfOther).Evaluate(Documents).ShouldBeEmpty();
        // The list reads one contact's range at a time: that narrows the rule, never widens it to someone else's documents.
        new MyDocumentListSpec(anna, new ListMyDocuments(), ByDate, KeysetPosition.First, Ben).Evaluate(Documents).ShouldBeEmpty();
        new MyDocumentListSpec(anna, new ListMyDocuments(), ByDate, KeysetPosition.First, Company).Evaluate(Documents)
            .ShouldAllBe(d => d.Number.StartsWith('2'));
        new MyDocumentListSpec(anna, new ListMyDocuments(Status: DocumentStatus.Paid), ByDate, KeysetPosition.First).Evaluate(Documents)
            .Select(d => d.Number).Order().ShouldBe(["1-Paid", "2-Paid"]);
        new MyDocumentListSpec(anna, new ListMyDocuments(Status: DocumentStatus.Draft), ByDate, KeysetPosition.First).Evaluate(Documents).ShouldBeEmpty();
    }

    [Fact]
    public void The_number_search_and_the_overdue_filter_stay_within_the_rule()
    {
        var anna = new DocumentViewer(Anna, Company);
        var today = DocumentTests.Issued.AddDays(1);

        new MyDocumentListSpec(anna, new ListMyDocuments(Number: "sent"), ByDate, KeysetPosition.First).Evaluate(Documents)
            .Select(d => d.Number).Order().ShouldBe(["1-Sent", "2-Sent"]);
        // Sent invoices without a due date are never overdue; the fixtures have none, so nothing is.
        new MyDocumentListSpec(anna, new ListMyDocuments(Overdue: true), ByDate, KeysetPosition.First, today: today.AddYears(1))
            .Evaluate(Documents).ShouldBeEmpty();

        var due = DocumentTests.NewDocument(DocumentKind.Invoice, "1-Due", Anna, dueOn: DocumentTests.Issued);
        due.ChangeStatus(DocumentStatus.Sent, Given.Now, Given.Admin);
        var withDue = Documents.Append(due).ToList();
        new MyDocumentListSpec(anna, new ListMyDocuments(Overdue: true), ByDate, KeysetPosition.First, today: today).Evaluate(withDue)
            .Select(d => d.Number).ShouldBe(["1-Due"]);
        new MyDocumentListSpec(anna, new ListMyDocuments(Overdue: true), ByDate, KeysetPosition.First, today: DocumentTests.Issued)
            .Evaluate(withDue).ShouldBeEmpty("due today is not overdue yet");
        new MyDocumentListSpec(new DocumentViewer(Ben, null), new ListMyDocuments(Overdue: true), ByDate, KeysetPosition.First,
            today: today).Evaluate(withDue).ShouldBeEmpty();
    }

    [Fact]
    public void The_zip_download_takes_only_ids_the_viewer_may_see()
    {
        var anna = new DocumentViewer(Anna, Company);
        var documents = Build();
        var wished = documents.Select(d => d.Id).Append(999).ToList();

        new MyDocumentsWithPdfSpec(anna, wished).Evaluate(documents).ShouldBeEmpty("none of the fixtures has a PDF yet");
        foreach (var document in documents) document.AttachPdf("x.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray(), Given.Now, Given.Admin);
        new MyDocumentsWithPdfSpec(anna, wished).Evaluate(documents)
            .ShouldBe(documents.Where(d => d.ContactId is Anna or Company && d.Status != DocumentStatus.Draft).Select(d => d.Id),
                ignoreOrder: true);
    }

    [Theory]
    [InlineData(DocumentKind.Invoice, DocumentStatus.Sent, 10, PaymentState.Open)]
    [InlineData(DocumentKind.Invoice, DocumentStatus.Sent, 0, PaymentState.Open)]
    [InlineData(DocumentKind.Invoice, DocumentStatus.Sent, -1, PaymentState.Overdue)]
    [InlineData(DocumentKind.Invoice, DocumentStatus.Paid, -1, PaymentState.Paid)]
    [InlineData(DocumentKind.Invoice, DocumentStatus.Cancelled, -1, null)]
    [InlineData(DocumentKind.Quotation, DocumentStatus.Sent, -1, null)]
    public void An_invoice_is_open_overdue_after_its_due_day_or_paid(DocumentKind kind, DocumentStatus status, int dueInDays,
        PaymentState? expected)
    {
        var today = new DateOnly(2026, 3, 2);
        GetMyDocumentHandler.PaymentStateOf(kind, status, today.AddDays(dueInDays), today).ShouldBe(expected);
    }

    [Theory]
    [InlineData(DocumentKind.Invoice, "RE-2026/001", "invoice-RE-2026-001.pdf")]
    [InlineData(DocumentKind.CreditNote, "GS \"7\"", "credit-note-GS--7.pdf")]
    [InlineData(DocumentKind.SalesOrder, "Äü", "sales-order.pdf")]
    [InlineData(DocumentKind.Quotation, "../../x", "quotation-x.pdf")]
    public void Download_names_are_plain_ASCII_from_kind_and_number(DocumentKind kind, string number, string expected) =>
        DocumentFileNames.ForDownload(kind, number).ShouldBe(expected);
}
