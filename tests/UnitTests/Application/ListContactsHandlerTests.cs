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

    private async Task<KeysetPage<ContactListItem>> ListAsync(ListContacts query)
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
        page.Count.ShouldBe(ListCount.Exact(7));
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
    [InlineData(ContactSort.Email, false, new[] { Anna, Bernd, Carla, Emil, Acme, Dora, Zeta })]
    [InlineData(ContactSort.Email, true, new[] { Zeta, Dora, Acme, Emil, Carla, Bernd, Anna })]
    public async Task Sorting_orders_by_the_chosen_column_with_stable_ties(ContactSort sort, bool descending, string[] expected)
    {
        await SeedAsync();

        (await NamesAsync(new ListContacts(Sort: sort, Descending: descending))).ShouldBe(expected);
    }

    [Fact]
    public async Task Paging_reads_one_page_and_steps_forward_back_and_to_the_last()
    {
        await SeedAsync();

        var first = await ListAsync(new ListContacts(PageSize: 3));
        first.Items.Select(i => i.Name).ShouldBe([Acme, Anna, Bernd]);
        first.Count.ShouldBe(ListCount.Exact(7));
        first.HasPrevious.ShouldBeFalse();
        var second = await ListAsync(new ListContacts(PageSize: 3, Paging: new PageRequest(After: first.NextCursor)));
        second.Items.Select(i => i.Name).ShouldBe([Carla, Dora, Emil]);
        second.HasPrevious.ShouldBeTrue();
        second.HasNext.ShouldBeTrue();
        var third = await ListAsync(new ListContacts(PageSize: 3, Paging: new PageRequest(After: second.NextCursor)));
        third.Items.Select(i => i.Name).ShouldBe([Zeta]);
        third.HasNext.ShouldBeFalse();
        var back = await ListAsync(new ListContacts(PageSize: 3, Paging: new PageRequest(Before: third.PreviousCursor)));
        back.Items.Select(i => i.Name).ShouldBe([Carla, Dora, Emil]);

        var last = await ListAsync(new ListContacts(PageSize: 3, Paging: new PageRequest(At: PageRequest.LastPage)));
        last.Items.Select(i => i.Name).ShouldBe([Dora, Emil, Zeta]);
        last.HasNext.ShouldBeFalse();
        last.HasPrevious.ShouldBeTrue();
    }

    [Theory]
    [InlineData(ContactSort.Name, false)]
    [InlineData(ContactSort.Name, true)]
    [InlineData(ContactSort.Email, false)]
    [InlineData(ContactSort.Email, true)]
    [InlineData(ContactSort.Created, false)]
    [InlineData(ContactSort.Created, true)]
    public async Task Walking_every_sort_page_by_page_forward_and_back_gives_the_whole_order_with_ties_and_missing_emails(
        ContactSort sort, bool descending)
    {
        await SeedAsync();
        await AddPersonAsync(Dora, null);
        await AddPersonAsync(Bernd, "bernd@clausen.example");
        var whole = (await ListAsync(new ListContacts(Sort: sort, Descending: descending))).Items.Select(i => i.Id).ToList();

        var forward = new List<int>();
        var page = await ListAsync(new ListContacts(Sort: sort, Descending: descending, PageSize: 2));
        forward.AddRange(page.Items.Select(i => i.Id));
        while (page.NextCursor is { } next)
        {
            page = await ListAsync(new ListContacts(Sort: sort, Descending: descending, PageSize: 2, Paging: new PageRequest(After: next)));
            forward.AddRange(page.Items.Select(i => i.Id));
        }
        var backward = new List<int>();
        page = await ListAsync(new ListContacts(Sort: sort, Descending: descending, PageSize: 2, Paging: new PageRequest(At: "last")));
        backward.InsertRange(0, page.Items.Select(i => i.Id));
        while (page.PreviousCursor is { } previous)
        {
            page = await ListAsync(new ListContacts(Sort: sort, Descending: descending, PageSize: 2,
                Paging: new PageRequest(Before: previous)));
            backward.InsertRange(0, page.Items.Select(i => i.Id).Where(id => !backward.Contains(id)));
        }

        whole.Count.ShouldBe(9);
        forward.ShouldBe(whole);
        backward.ShouldBe(whole);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("WyJjb250YWN0cy5OYW1lLmFzYyIsIngiXQ")]
    [InlineData("WyJlbWFpbHMuZGVzYyIsIjEiLCIyIl0")]
    [InlineData("WyJjb250YWN0cy5OYW1lLmFzYyIsIngiLCJhYmMiXQ")]
    public async Task A_cursor_that_does_not_fit_the_list_shows_the_first_page(string cursor)
    {
        await SeedAsync();

        var page = await ListAsync(new ListContacts(PageSize: 3, Paging: new PageRequest(After: cursor)));

        page.Items.Select(i => i.Name).ShouldBe([Acme, Anna, Bernd]);
        page.HasPrevious.ShouldBeFalse();
    }

    [Fact]
    public async Task A_cursor_of_another_sort_shows_the_first_page_of_this_sort()
    {
        await SeedAsync();
        var byName = await ListAsync(new ListContacts(PageSize: 3));

        var byEmail = await ListAsync(new ListContacts(Sort: ContactSort.Email, PageSize: 3, Paging: new PageRequest(After: byName.NextCursor)));

        byEmail.Items.Select(i => i.Name).ShouldBe([Anna, Bernd, Carla]);
    }

    [Fact]
    public async Task The_total_counts_the_filtered_rows_not_the_page()
    {
        await SeedAsync();

        var page = await ListAsync(new ListContacts(Access: AccessFilter.NoAccess, PageSize: 2));

        page.Items.Count.ShouldBe(2);
        page.Count.ShouldBe(ListCount.Exact(4));
        page.HasNext.ShouldBeTrue();
    }

    [Fact]
    public async Task An_out_of_range_page_size_is_clamped()
    {
        await SeedAsync();

        (await ListAsync(new ListContacts(PageSize: 5000))).Items.Count.ShouldBe(7);
        (await ListAsync(new ListContacts(PageSize: 0))).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_result_has_no_previous_or_next_page()
    {
        var page = await ListAsync(new ListContacts());

        page.Items.ShouldBeEmpty();
        page.Count.ShouldBe(ListCount.Exact(0));
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
}
