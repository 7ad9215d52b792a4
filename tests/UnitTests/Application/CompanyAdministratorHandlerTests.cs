using Microsoft.EntityFrameworkCore;
using Portal.Application.PortalAccess;
using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class CompanyAdministratorHandlerTests : HandlerTest
{
    [Fact]
    public async Task Staff_make_a_company_person_company_administrator_and_the_activity_list_records_it()
    {
        var acme = await AddCompanyAsync("Acme GmbH");
        var anna = await AddPersonAsync("Anna Berg", "anna@acme.example", acme);
        await SeedGrantAsync(anna);

        await SendAsync(new ChangeCompanyAdministrator(anna, true));

        (await PortalUserOfAsync(anna))!.IsCompanyAdministrator.ShouldBeTrue();
        (await ReadAsync(db => db.ActivityEntries.Where(a => a.ContactId == anna).Select(a => a.Kind).ToListAsync()))
            .ShouldContain(ActivityKind.MadeCompanyAdministrator);

        await SendAsync(new ChangeCompanyAdministrator(anna, false));

        (await PortalUserOfAsync(anna))!.IsCompanyAdministrator.ShouldBeFalse();
        (await ReadAsync(db => db.ActivityEntries.Where(a => a.ContactId == anna).Select(a => a.Kind).ToListAsync()))
            .ShouldContain(ActivityKind.CompanyAdministratorEnded);
    }

    [Fact]
    public async Task A_grant_from_the_wizard_can_make_the_person_company_administrator_at_once()
    {
        var acme = await AddCompanyAsync("Acme GmbH");
        var anna = await AddPersonAsync("Anna Berg", "anna@acme.example", acme);

        await SendAsync(new GrantPortalAccess(anna, null, null, CompanyAdministrator: true));

        (await PortalUserOfAsync(anna))!.IsCompanyAdministrator.ShouldBeTrue();
    }

    [Fact]
    public async Task A_grant_that_would_make_a_person_without_company_administrator_is_refused_and_grants_nothing()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        var before = await CountRowsAsync();

        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await SendAsync(new GrantPortalAccess(anna, null, null, CompanyAdministrator: true)));

        refused.Error.ShouldBe(DomainErrors.CompanyAdministratorNeedsCompany);
        (await PortalUserOfAsync(anna)).ShouldBeNull();
        (await CountRowsAsync()).OutboxMessages.ShouldBe(before.OutboxMessages);
    }

    [Fact]
    public async Task Read_only_staff_cannot_make_anyone_company_administrator()
    {
        var acme = await AddCompanyAsync("Acme GmbH");
        var anna = await AddPersonAsync("Anna Berg", "anna@acme.example", acme);
        await SeedGrantAsync(anna);
        var reader = await AddInternalUserAsync("reader@portal.example", "Reader", role: StaffRole.ReadOnly);

        using var request = NewRequest(new FakeCurrentUser { UserId = reader });
        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await request.SendAsync(new ChangeCompanyAdministrator(anna, true)));

        refused.Error.ShouldBe(DomainErrors.NotPermitted);
        (await PortalUserOfAsync(anna))!.IsCompanyAdministrator.ShouldBeFalse();
    }
}
