using Portal.Domain.Documents;

namespace Portal.UnitTests.Domain;

public sealed class DocumentKindSetTests
{
    [Fact]
    public void All_includes_every_kind_and_a_choice_only_its_own()
    {
        Enum.GetValues<DocumentKind>().ShouldAllBe(kind => DocumentKindSet.All.Includes(kind));
        var choice = DocumentKindSet.Of([DocumentKind.Invoice, DocumentKind.SalesOrder]);

        choice.Kinds.ShouldBe([DocumentKind.SalesOrder, DocumentKind.Invoice]);
        choice.IsAll.ShouldBeFalse();
        DocumentKindSet.FromBits(choice.Bits).ShouldBe(choice);
        DocumentKindSet.Of([]).Kinds.ShouldBeEmpty();
    }

    [Fact]
    public void It_reads_language_neutral_for_the_activity_list()
    {
        DocumentKindSet.All.ToString().ShouldBe("All");
        DocumentKindSet.Of([]).ToString().ShouldBe("None");
        DocumentKindSet.Of([DocumentKind.Invoice, DocumentKind.Quotation]).ToString().ShouldBe("Quotation,Invoice");
    }

    [Fact]
    public void A_number_that_is_no_kind_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => DocumentKindSet.Of([(DocumentKind)9]));
}
