using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class ListContactsHandlerTests : HandlerTest
{
    // Created in this order, one minute apart.
    private const string Acme = "Acme GmbH";
    private const string Anna = "Anna Berg";       // member of Acme, Active
    private const string Bernd = "Bernd Clausen";  // free-text company, Invited
    private const string Carla = "Carla Diaz";     // Revoked
    private const string Dora = "Dora Engel";      // no e-mail, no access
    private const string Zeta = "Zeta AG";
    private const string Emil = "Emil Fuchs";      // member of Zeta, no access

    private async Task SeedAsync()
    {
        var acme = await AddCompanyAsync(Acme, "info@acme.example");
        var anna = await AddPersonAsync(Anna, "anna.berg@acme.example", companyId: acme);
        var bernd = await AddPersonAsync(Bernd, "bernd@clausen.example", companyName: "Clausen Consulting");
        var carla = await AddPersonAsync(Carla, "carla@diaz.example");
        await AddPersonAsync(Dora, null);
        var zeta = await AddCompanyAsync(Zeta);
        await AddPersonAsync(Emil, "emil@zeta.example", companyId: zeta);
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");
        await SeedGrantAsync(bernd);
        await SeedGrantAsync(carla);
        await SeedRevokeAsync(carla);
    }

    private async Task<PagedList<ContactListItem>> ListAsync(ListContacts query)
    {
        using var request = NewRequest();
        return await request.SendAsync(query);
    }

    private async Task<IEnumerable<string>> NamesAsync(ListContacts query) => (await ListAsync(query)).Items.Select(i => i.Name);

    [Fact]
    public async Task Without_search_or_filter_every_contact_is_listed_by_name_with_its_company_and_access()
    {
        await SeedAsync();

        var page = await ListAsync(new ListContacts());

        page.Items.Select(i => i.Name).ShouldBe([Acme, Anna, Bernd, Carla, Dora, Emil, Zeta]);
        page.TotalCount.ShouldBe(7);
        var anna = page.Items.Single(i => i.Name == Anna);
        anna.Kind.ShouldBe(ContactKind.Person);
        anna.Email.ShouldBe("anna.berg@acme.example");
        anna.CompanyName.ShouldBe(Acme);
        anna.AccessState.ShouldBe(PortalAccessState.Active);
        anna.LastSignInAt.ShouldNotBeNull();
        page.Items.Single(i => i.Name == Bernd).CompanyName.ShouldBe("Clausen Consulting");
        page.Items.Single(i => i.Name == Acme).Kind.ShouldBe(ContactKind.Company);
        page.Items.Single(i => i.Name == Dora).AccessState.ShouldBeNull();
    }

    [Theory]
    [InlineData("engel", new[] { Dora })]
    [InlineData("  ENGEL ", new[] { Dora })]
    [InlineData("clausen.example", new[] { Bernd })]
    [InlineData("Consulting", new[] { Bernd })]
    [InlineData("zeta", new[] { Emil, Zeta })]
    [InlineData("acme", new[] { Acme, Anna })]
    [InlineData("nobody-matches-this", new string[0])]
    public async Task Search_matches_name_email_and_company_name(string search, string[] expected)
    {
        await SeedAsync();

        (await NamesAsync(new ListContacts(Search: search))).ShouldBe(expected);
    }

    [Theory]
    [InlineData(AccessFilter.NoAccess, new[] { Acme, Dora, Emil, Zeta })]
    [InlineData(AccessFilter.Invited, new[] { Bernd })]
    [InlineData(AccessFilter.Active, new[] { Anna })]
    [InlineData(AccessFilter.Revoked, new[] { Carla })]
    [InlineData(AccessFilter.All, new[] { Acme, Anna, Bernd, Carla, Dora, Emil, Zeta })]
    public async Task The_access_filter_lists_contacts_in_that_state(AccessFilter access, string[] expected)
    {
        await SeedAsync();

        (await NamesAsync(new ListContacts(Access: access))).ShouldBe(expected);
    }

    [Fact]
    public async Task Search_and_filter_combine()
    {
        await SeedAsync();

        (await NamesAsync(new ListContacts(Search: "acme", Access: AccessFilter.Active))).ShouldBe([Anna]);
        (await NamesAsync(new ListContacts(Search: "acme", Access: AccessFilter.NoAccess))).ShouldBe([Acme]);
    }

    [Theory]
    [InlineData(ContactSort.Name, true, new[] { Zeta, Emil, Dora, Carla, Bernd, Anna, Acme })]
    [InlineData(ContactSort.Created, false, new[] { Acme, Anna, Bernd, Carla, Dora, Zeta, Emil })]
    [InlineData(ContactSort.Created, true, new[] { Emil, Zeta, Dora, Carla, Bernd, Anna, Acme })]
    [InlineData(ContactSort.Email, false, new[] { Dora, Zeta, Anna, Bernd, Carla, Emil, Acme })]
    [InlineData(ContactSort.AccessState, false, new[] { Acme, Dora, Emil, Zeta, Bernd, Anna, Carla })]
    [InlineData(ContactSort.LastSignIn, true, new[] { Anna, Emil, Zeta, Dora, Carla, Bernd, Acme })]
    public async Task Sorting_orders_by_the_chosen_column_with_stable_ties(ContactSort sort, bool descending, string[] expected)
    {
        await SeedAsync();

        (await NamesAsync(new ListContacts(Sort: sort, Descending: descending))).ShouldBe(expected);
    }

    [Fact]
    public async Task Sorting_by_company_puts_members_of_linked_companies_in_company_order()
    {
        await SeedAsync();

        var names = (await NamesAsync(new ListContacts(Sort: ContactSort.Company))).ToList();

        names.IndexOf(Anna).ShouldBeLessThan(names.IndexOf(Emil));
        (await NamesAsync(new ListContacts(Sort: ContactSort.Company, Descending: true))).First().ShouldBe(Emil);
    }

    [Fact]
    public async Task Sorting_by_company_sorts_by_the_company_name_the_list_shows()
    {
        await SeedAsync();

        var names = (await NamesAsync(new ListContacts(Sort: ContactSort.Company))).ToList();

        names.ShouldBe([Acme, Carla, Dora, Zeta, Anna, Bernd, Emil]);
    }

    [Fact]
    public async Task Paging_returns_one_page_and_counts_the_total()
    {
        await SeedAsync();

        var page = await ListAsync(new ListContacts(Page: 2, PageSize: 3));

        page.Items.Select(i => i.Name).ShouldBe([Carla, Dora, Emil]);
        page.TotalCount.ShouldBe(7);
        page.Page.ShouldBe(2);
        page.PageSize.ShouldBe(3);
        page.PageCount.ShouldBe(3);
        page.HasPrevious.ShouldBeTrue();
        page.HasNext.ShouldBeTrue();

        var last = await ListAsync(new ListContacts(Page: 3, PageSize: 3));
        last.Items.Select(i => i.Name).ShouldBe([Zeta]);
        last.HasNext.ShouldBeFalse();
    }

    [Fact]
    public async Task The_total_counts_the_filtered_rows_not_the_page()
    {
        await SeedAsync();

        var page = await ListAsync(new ListContacts(Access: AccessFilter.NoAccess, PageSize: 2));

        page.Items.Count.ShouldBe(2);
        page.TotalCount.ShouldBe(4);
        page.PageCount.ShouldBe(2);
    }

    [Fact]
    public async Task Out_of_range_page_and_page_size_are_clamped()
    {
        await SeedAsync();

        var page = await ListAsync(new ListContacts(Page: 0, PageSize: 5000));
        page.Page.ShouldBe(1);
        page.PageSize.ShouldBe(100);
        page.Items.Count.ShouldBe(7);

        (await ListAsync(new ListContacts(PageSize: 0))).PageSize.ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_result_still_has_one_page()
    {
        var page = await ListAsync(new ListContacts());

        page.Items.ShouldBeEmpty();
        page.TotalCount.ShouldBe(0);
        page.PageCount.ShouldBe(1);
        page.HasNext.ShouldBeFalse();
        page.HasPrevious.ShouldBeFalse();
    }

    [Theory]
    [InlineData("carla_diaz", "Carla Diaz")]
    [InlineData("100%", "Carla Diaz")]
    [InlineData(@"back\slash", "Backslash Person")]
    public async Task Search_terms_with_like_wildcards_match_literally(string term, string expected)
    {
        await AddPersonAsync("Carla Diaz", "carla_diaz@diaz.example", companyName: "100% Organic");
        await AddPersonAsync("Carlaxdiaz", "carlaxdiaz@example.com", companyName: "1000 Things");
        await AddPersonAsync("Backslash Person", "bs@example.com", companyName: @"back\slash");
        await AddPersonAsync("Decoy", "decoy@example.com", companyName: "backslash");

        (await NamesAsync(new ListContacts(Search: term))).ShouldBe([expected]);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(999_999_999, 3)]
    [InlineData(int.MaxValue, 3)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(int.MinValue, 1)]
    public async Task A_page_number_out_of_range_shows_the_nearest_page_there_is(int requested, int shown)
    {
        await SeedAsync();

        var page = await ListAsync(new ListContacts(Page: requested, PageSize: 3));

        page.Page.ShouldBe(shown);
        page.PageCount.ShouldBe(3);
        page.Items.Select(i => i.Name).ShouldBe(shown == 3 ? [Zeta] : [Acme, Anna, Bernd]);
    }
}
