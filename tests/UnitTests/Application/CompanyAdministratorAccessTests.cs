using Mediator;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Application.CompanyAccounts;
using Portal.Application.PortalAccess;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>The company-administrator requirement: checked fresh from the database, and only ever for the own company.</summary>
public sealed class CompanyAdministratorAccessTests : HandlerTest
{
    [Fact]
    public async Task A_company_administrator_sees_the_company_details_and_only_its_people_with_their_access()
    {
        var (acme, kim) = await CompanyWithAdministratorAsync();
        var lea = await AddPersonAsync("Lea Acme", "lea@acme.example", acme);
        await SeedGrantAsync(lea);
        var other = await AddCompanyAsync("Other AG");
        await AddPersonAsync("Otto Other", "otto@other.example", other);

        var view = await AsCustomer(kim, new GetMyCompany());

        view.Details.Name.ShouldBe("Acme GmbH");
        view.People.Items.Select(p => (p.Name, p.AccessState, p.IsCompanyAdministrator)).ShouldBe(
            [("Kim Acme", PortalAccessState.Active, true), ("Lea Acme", PortalAccessState.Invited, false)]);
        view.People.Items[0].LastSignInAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_customer_who_is_not_company_administrator_gets_not_found()
    {
        var acme = await AddCompanyAsync("Acme GmbH");
        var lea = await AddPersonAsync("Lea Acme", "lea@acme.example", acme);
        await SeedActiveAsync(lea, "Blue-Harbor-Lantern-42");

        await Should.ThrowAsync<NotFoundException>(async () => await AsCustomer(lea, new GetMyCompany()));
    }

    [Fact]
    public async Task Ending_the_role_takes_effect_on_the_very_next_request()
    {
        var (_, kim) = await CompanyWithAdministratorAsync();
        await AsCustomer(kim, new GetMyCompany());

        await SendAsync(new ChangeCompanyAdministrator(kim, false));

        await Should.ThrowAsync<NotFoundException>(async () => await AsCustomer(kim, new GetMyCompany()));
    }

    [Fact]
    public async Task A_revoked_company_administrator_gets_not_found()
    {
        var (_, kim) = await CompanyWithAdministratorAsync();

        await SeedRevokeAsync(kim);

        await Should.ThrowAsync<NotFoundException>(async () => await AsCustomer(kim, new GetMyCompany()));
    }

    [Fact]
    public async Task A_colleague_id_of_another_company_or_of_the_company_itself_is_not_found()
    {
        var (acme, kim) = await CompanyWithAdministratorAsync();
        var lea = await AddPersonAsync("Lea Acme", "lea@acme.example", acme);
        var other = await AddCompanyAsync("Other AG");
        var otto = await AddPersonAsync("Otto Other", "otto@other.example", other);

        (await RunColleagueCheckAsync(kim, lea)).ShouldBeTrue();
        foreach (var stranger in new[] { otto, other, acme, 987654 })
            await Should.ThrowAsync<NotFoundException>(async () => await RunColleagueCheckAsync(kim, stranger));
    }

    [Fact]
    public async Task A_german_colleague_hears_of_each_move_in_german_and_the_activity_names_the_administrator_as_the_customer()
    {
        var (acme, kim) = await CompanyWithAdministratorAsync();
        var lea = await AddPersonAsync("Lea Acme", "lea@acme.example", acme, language: "de");
        await SeedActiveAsync(lea, "Green-Harbor-Lantern-42");

        await AsCustomer(kim, new ChangeColleagueDocumentKinds(lea, false, [Portal.Domain.Documents.DocumentKind.Invoice]));
        await AsCustomer(kim, new RevokeColleagueAccess(lea));

        var mails = await ReadAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "lea@acme.example")
            .OrderBy(m => m.CreatedAt).Select(m => new { m.Subject, m.TextBody }).ToListAsync());
        mails.Select(m => m.Subject).ShouldContain(s => s.StartsWith("Was Sie im Kundenportal", StringComparison.Ordinal));
        mails.ShouldContain(m => m.TextBody.Contains("Kim Acme <kim@acme.example>, Administrator Ihrer Firma")
            && m.TextBody.Contains(": Rechnungen."));
        mails.Select(m => m.Subject).ShouldContain(s => s.StartsWith("Ihr Zugang zum Kundenportal", StringComparison.Ordinal));
        var kimUser = (await PortalUserOfAsync(kim))!.Id;
        var entries = await ReadAsync(db => db.ActivityEntries.Where(a => a.ContactId == lea && a.ActorUserId == kimUser)
            .Select(a => new { a.ActorName, a.ActorKind }).ToListAsync());
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.ActorName == "Kim Acme <kim@acme.example>" && e.ActorKind == Portal.Domain.Activity.ActivityActorKind.Customer);
    }

    private async Task<(int Company, int Administrator)> CompanyWithAdministratorAsync()
    {
        var acme = await AddCompanyAsync("Acme GmbH");
        var kim = await AddPersonAsync("Kim Acme", "kim@acme.example", acme);
        await SeedActiveAsync(kim, "Blue-Harbor-Lantern-42");
        await SendAsync(new ChangeCompanyAdministrator(kim, true));
        return (acme, kim);
    }

    private async Task<T> AsCustomer<T>(int contactId, IRequest<T> message)
    {
        var userId = (await PortalUserOfAsync(contactId))!.Id;
        using var request = NewRequest(new FakeCurrentUser { UserId = userId, ActorName = "customer" });
        return await request.SendAsync(message);
    }

    /// <summary>Runs the pipeline's check for a request naming <paramref name="colleagueId"/>; true when the handler would run.</summary>
    private async Task<bool> RunColleagueCheckAsync(int administratorContactId, int colleagueId)
    {
        var userId = (await PortalUserOfAsync(administratorContactId))!.Id;
        using var request = NewRequest();
        var behavior = new CompanyAdministratorBehavior<TouchColleague, bool>(
            new FakeCurrentUser { UserId = userId }, request.Resolve<IReadRepository<PortalUser>>(),
            request.Resolve<IReadRepository<Contact>>(),
            request.Resolve<CompanyAdministratorContext>());
        return await behavior.Handle(new TouchColleague(colleagueId), (_, _) => ValueTask.FromResult(true), CancellationToken.None);
    }

    [RequiresCompanyAdministrator]
    private sealed record TouchColleague(int ColleagueId) : ICompanyAdministratorRequest, IRequest<bool>, ICompanyColleagueRequest;
}
