using System.Net;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Discount lines as an ERP sends them: a negative unit price lowers the total, which never goes below zero.</summary>
public sealed class DiscountLineTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_discount_line_lowers_the_total_on_the_back_office_and_the_customer_page()
    {
        using var admin = await factory.SignedInAdminAsync();
        var email = $"dora.{Guid.NewGuid():n}@example.com";
        var (customer, contactId) = await factory.CustomerAsync(admin, "Dora Discount", email);
        using var _ = customer;
        var number = DocumentFlows.Unique("RE");

        var id = await admin.CreateDocumentAsync(contactId, "Invoice", number,
            [new LineRow("Consulting", "2", "50", "19"), new LineRow("Loyalty discount", "1", "-10", "19")], status: "Sent");

        var back = await admin.GetAsync($"/admin/documents/{id}");
        Totals(back).ShouldBe(("€90.00", "€107.10"));
        back.Document.QuerySelector("[data-testid=document-lines] tbody")!.TextContent.ShouldContain("-€10.00");

        var mine = await customer.GetAsync($"/my/documents/{id}");
        Totals(mine).ShouldBe(("€90.00", "€107.10"));
        mine.Document.QuerySelector("[data-testid=document-lines] tbody")!.TextContent.ShouldContain("-€10.00");

        using var german = factory.NewBrowser("de");
        await german.SignInAsync(email, Flows.CustomerPassword);
        var deutsch = await german.GetAsync($"/my/documents/{id}");
        Totals(deutsch).ShouldBe(("90,00 €", "107,10 €"));
        deutsch.Document.QuerySelector("[data-testid=document-lines] tbody")!.TextContent.ShouldContain("-10,00 €");
    }

    [Fact]
    public async Task A_discount_larger_than_the_rest_is_refused_with_a_clear_message()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Gustav Generous", $"gustav.{Guid.NewGuid():n}@example.com");
        LineRow[] lines = [new LineRow("Sample", "1", "100", "19"), new LineRow("Too generous", "1", "-100.01", "19")];

        var refused = await admin.SubmitNewDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("RE"), lines);
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain("The discounts are larger than the rest of the document; its total can't be below zero.");

        var tooLow = await admin.SubmitNewDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("RE"),
            [new LineRow("Sample", "1", "100", "19"), new LineRow("Typo", "1", "-2000000", "19")]);
        tooLow.FieldError("Input.Lines[1].UnitPrice")
            .ShouldBe("A line's unit price must be between -1,000,000 and 1,000,000, with at most four decimal places.");
    }

    private static (string Net, string Total) Totals(Page page) => (
        page.Document.QuerySelector("[data-testid=net-total]")!.TextContent.Trim(),
        page.Document.QuerySelector("[data-testid=total]")!.TextContent.Trim());
}
