using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Infrastructure.Persistence;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>
/// A search that matches more than the search count's limit (3 here) reads a page by testing the next rows of the name
/// order (6 here), and from the text index where those rows hold too few matches. Both ways give the same pages.
/// </summary>
public sealed class BroadContactSearchTests : HandlerTest
{
    private readonly List<CapturedQuery> _queries = [];

    protected override void Replace(IServiceCollection services) =>
        services.Configure<ListCountOptions>(options =>
        {
            options.SearchCountLimit = 3;
            options.SearchWalkLength = 6;
        });

    private async Task SeedAsync()
    {
        for (var i = 1; i <= 5; i++) await AddPersonAsync($"Aalto Weit {i}", null);
        for (var i = 1; i <= 10; i++) await AddPersonAsync($"Bauer {i:00}", null);
        var company = await AddCompanyAsync("Wéitblick AG");
        await AddPersonAsync("Mia Linked", null, companyId: company);
        for (var i = 1; i <= 4; i++) await AddPersonAsync($"Zorn WEIT {i}", null);
    }

    private async Task<KeysetPage<ContactListItem>> PageAsync(PageRequest paging)
    {
        _queries.Clear();
        Hooks.OnQuery = command => _queries.Add(CapturedQuery.Of(command));
        return await SendAsync(new ListContacts(Search: "weit", Paging: paging, PageSize: 3));
    }

    /// <summary>The page was read from the text index: its MATCH runs once more after the count's.</summary>
    private bool ReadFromTheTextIndex => _queries.Count(q => q.Sql.Contains("MATCH", StringComparison.Ordinal)) > 1;

    private static IEnumerable<string> Names(KeysetPage<ContactListItem> page) => page.Items.Select(i => i.Name);

    [Fact]
    public async Task Matches_at_the_start_of_the_order_are_found_by_testing_rows_and_sparse_ones_through_the_text_index()
    {
        await SeedAsync();

        var first = await PageAsync(PageRequest.First);
        Names(first).ShouldBe(["Aalto Weit 1", "Aalto Weit 2", "Aalto Weit 3"]);
        first.Count.ShouldBe(new ListCount(3, CountPrecision.MoreThan));
        ReadFromTheTextIndex.ShouldBeFalse();

        var second = await PageAsync(new PageRequest(After: first.NextCursor));
        Names(second).ShouldBe(["Aalto Weit 4", "Aalto Weit 5", "Mia Linked"]);
        ReadFromTheTextIndex.ShouldBeTrue();

        var third = await PageAsync(new PageRequest(After: second.NextCursor));
        Names(third).ShouldBe(["Wéitblick AG", "Zorn WEIT 1", "Zorn WEIT 2"]);

        var fourth = await PageAsync(new PageRequest(After: third.NextCursor));
        Names(fourth).ShouldBe(["Zorn WEIT 3", "Zorn WEIT 4"]);
        fourth.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task The_last_page_and_the_pages_before_it_are_the_same_either_way()
    {
        await SeedAsync();

        var last = await PageAsync(new PageRequest(At: PageRequest.LastPage));
        Names(last).ShouldBe(["Zorn WEIT 2", "Zorn WEIT 3", "Zorn WEIT 4"]);
        ReadFromTheTextIndex.ShouldBeFalse();

        var before = await PageAsync(new PageRequest(Before: last.PreviousCursor));
        Names(before).ShouldBe(["Mia Linked", "Wéitblick AG", "Zorn WEIT 1"]);

        var earlier = await PageAsync(new PageRequest(Before: before.PreviousCursor));
        Names(earlier).ShouldBe(["Aalto Weit 3", "Aalto Weit 4", "Aalto Weit 5"]);
    }

    [Fact]
    public async Task The_rows_a_broad_search_tests_are_tested_in_the_name_index_that_holds_both_search_texts()
    {
        await SeedAsync();

        var first = await PageAsync(PageRequest.First);
        Names(first).ShouldBe(["Aalto Weit 1", "Aalto Weit 2", "Aalto Weit 3"]);

        // The walk: the search's LIKE on the contacts in name order. Its index holds both texts, so SQLite tests each row
        // there and seeks in the table only for the rows of the page.
        var walk = _queries.Single(q => q.Sql.Contains("LIKE", StringComparison.Ordinal));
        var plan = await walk.PlanAsync(Database.ConnectionString);

        plan.ShouldContain("USING INDEX IX_Contacts_Name_Id_SearchText_CompanySearchText", Case.Sensitive);
    }
}
