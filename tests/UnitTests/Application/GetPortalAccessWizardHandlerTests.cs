using Portal.Application.PortalAccess;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class GetPortalAccessWizardHandlerTests : HandlerTest
{
    private async Task<IReadOnlyList<PortalAccessRow>> RowsAsync(params int[] ids)
    {
        using var request = NewRequest();
        return await request.SendAsync(new GetPortalAccessWizard(ids));
    }

    [Fact]
    public async Task Choosing_a_company_lists_the_company_first_then_its_members_by_name_then_the_other_chosen_contacts()
    {
        var acme = await AddCompanyAsync("Acme GmbH", "info@acme.example");
        await AddPersonAsync("Zora Acme", "zora@acme.example", companyId: acme);
        await AddPersonAsync("Anna Acme", "anna@acme.example", companyId: acme);
        var olaf = await AddPersonAsync("Olaf Other", "olaf@other.example");
        await AddPersonAsync("Not Chosen", "not@chosen.example");

        var rows = await RowsAsync(acme, olaf);

        rows.Select(r => r.Name).ShouldBe(["Acme GmbH", "Anna Acme", "Zora Acme", "Olaf Other"]);
        rows.Select(r => r.CompanyName).ShouldBe([null, "Acme GmbH", "Acme GmbH", null]);
    }

    [Fact]
    public async Task Each_row_reports_whether_its_email_can_be_the_login()
    {
        await AddInternalUserAsync("Staff@Portal.example", "Staff");
        var acme = await AddCompanyAsync("Acme GmbH", "info@acme.example");
        var anna = await AddPersonAsync("Anna Active", "anna@acme.example", companyId: acme);
        await AddPersonAsync("Bruno Broken", "bruno(at)acme", companyId: acme);
        await AddPersonAsync("Clara Clash", "staff@portal.example", companyId: acme);
        await AddPersonAsync("Dieter Duplicate", " ANNA@acme.example", companyId: acme);
        await AddPersonAsync("Eva Empty", null, companyId: acme);
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");

        var rows = (await RowsAsync(acme)).ToDictionary(r => r.Name, r => r.EmailState);

        rows.ShouldBe(new Dictionary<string, EmailState>
        {
            ["Acme GmbH"] = EmailState.Ok,
            ["Anna Active"] = EmailState.Ok,
            ["Bruno Broken"] = EmailState.Invalid,
            ["Clara Clash"] = EmailState.InternalUser,
            ["Dieter Duplicate"] = EmailState.UsedByAnotherUser,
            ["Eva Empty"] = EmailState.Invalid,
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_login_still_held_by_another_contacts_revoked_user_counts_as_used()
    {
        var carla = await AddPersonAsync("Carla Revoked", "carla@example.com");
        await SeedGrantAsync(carla);
        await SeedRevokeAsync(carla);
        var copy = await AddPersonAsync("Carla Copy", "carla@example.com");

        var rows = await RowsAsync(carla, copy);

        rows.Single(r => r.ContactId == carla).EmailState.ShouldBe(EmailState.Ok);
        rows.Single(r => r.ContactId == copy).EmailState.ShouldBe(EmailState.UsedByAnotherUser);
    }

    [Fact]
    public async Task Each_row_reports_access_state_last_sign_in_and_what_may_be_done_next()
    {
        var none = await AddPersonAsync("Nina None", "nina@example.com");
        var invited = await AddPersonAsync("Ivo Invited", "ivo@example.com");
        var active = await AddPersonAsync("Anna Active", "anna@example.com");
        var revoked = await AddPersonAsync("Rolf Revoked", "rolf@example.com");
        await SeedGrantAsync(invited);
        await SeedActiveAsync(active, "Blue-Harbor-Lantern-42");
        var signedInAt = Clock.GetUtcNow();
        await SeedGrantAsync(revoked);
        await SeedRevokeAsync(revoked);

        var rows = (await RowsAsync(none, invited, active, revoked)).ToDictionary(r => r.ContactId);

        rows[none].AccessState.ShouldBeNull();
        rows[invited].AccessState.ShouldBe(PortalAccessState.Invited);
        rows[active].AccessState.ShouldBe(PortalAccessState.Active);
        rows[active].LastSignInAt.ShouldBe(signedInAt);
        rows[revoked].AccessState.ShouldBe(PortalAccessState.Revoked);

        (rows[none].CanGrant, rows[none].CanRevoke, rows[none].CanReInvite, rows[none].CanEditEmail).ShouldBe((true, false, false, true));
        (rows[invited].CanGrant, rows[invited].CanRevoke, rows[invited].CanReInvite, rows[invited].CanEditEmail)
            .ShouldBe((false, true, true, true));
        (rows[active].CanGrant, rows[active].CanRevoke, rows[active].CanReInvite, rows[active].CanEditEmail)
            .ShouldBe((false, true, true, false));
        (rows[revoked].CanGrant, rows[revoked].CanRevoke, rows[revoked].CanReInvite, rows[revoked].CanEditEmail)
            .ShouldBe((true, false, false, true));
    }

    [Fact]
    public async Task Rows_keep_the_order_the_contacts_were_chosen_in_and_ignore_duplicates_and_unknown_ids()
    {
        var anna = await AddPersonAsync("Anna", "anna@example.com");
        var bert = await AddPersonAsync("Bert", "bert@example.com");

        (await RowsAsync(bert, 999, anna, bert)).Select(r => r.ContactId).ShouldBe([bert, anna]);
    }

    [Fact]
    public async Task No_chosen_contacts_means_no_rows()
    {
        await AddPersonAsync("Anna", "anna@example.com");

        (await RowsAsync()).ShouldBeEmpty();
    }
}
