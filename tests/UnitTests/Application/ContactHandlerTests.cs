using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.MyAccount;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class ContactHandlerTests : HandlerTest
{
    private async Task<int> SaveAsync(SaveContact command)
    {
        using var request = NewRequest();
        return await request.SendAsync(command);
    }

    [Fact]
    public async Task Saving_a_new_person_in_a_company_stores_the_normalised_details_and_the_link()
    {
        var acme = await AddCompanyAsync("Acme GmbH");

        var id = await SaveAsync(new SaveContact(null, ContactKind.Person, " anna@example.com ", acme,
            new ContactDetails(" Anna Berg ", CountryCode: "de", VatNumber: "de123", PreferredLanguage: "de")));

        var anna = await ReadAsync(db => db.Contacts.AsNoTracking().Include(c => c.Company).SingleAsync(c => c.Id == id));
        anna.Name.ShouldBe("Anna Berg");
        anna.Email.ShouldBe("anna@example.com");
        anna.Company.ShouldNotBeNull().Name.ShouldBe("Acme GmbH");
        anna.CountryCode.ShouldBe("DE");
        anna.VatNumber.ShouldBe("DE123");
        anna.PreferredLanguage.ShouldBe("de");
        anna.CreatedAt.ShouldBe(Clock.GetUtcNow());
    }

    [Fact]
    public async Task Saving_a_person_into_a_company_that_does_not_exist_or_is_a_person_is_a_validation_error_and_stores_nothing()
    {
        var bert = await AddPersonAsync("Bert", null);

        foreach (var companyId in new[] { 999, bert })
        {
            var refused = await Should.ThrowAsync<ValidationException>(() =>
                SaveAsync(new SaveContact(null, ContactKind.Person, null, companyId, new ContactDetails("Anna"))));
            refused.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(SaveContact.CompanyId));
            refused.Errors.Single().ErrorMessage.ShouldBe(DomainErrors.CompanyMustBeACompany.Message);
        }

        (await ReadAsync(db => db.Contacts.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Changing_the_email_of_a_contact_with_live_access_is_refused_and_nothing_of_the_edit_is_stored()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            SaveAsync(new SaveContact(anna, ContactKind.Person, "new@example.com", null, new ContactDetails("Anna Renamed"))));

        refused.Error.ShouldBe(DomainErrors.EmailLockedByPortalAccess);
        var stored = await ContactAsync(anna);
        stored.Email.ShouldBe("anna@example.com");
        stored.Name.ShouldBe("Anna Berg");
    }

    [Fact]
    public async Task Editing_a_contact_with_live_access_but_the_same_email_is_allowed()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");

        await SaveAsync(new SaveContact(anna, ContactKind.Person, "anna@example.com", null, new ContactDetails("Anna Renamed")));

        (await ContactAsync(anna)).Name.ShouldBe("Anna Renamed");
    }

    [Fact]
    public async Task Changing_the_email_after_a_revoke_is_allowed()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);
        await SeedRevokeAsync(anna);

        await SaveAsync(new SaveContact(anna, ContactKind.Person, "new@example.com", null, new ContactDetails("Anna Berg")));

        (await ContactAsync(anna)).Email.ShouldBe("new@example.com");
    }

    [Fact]
    public async Task Saving_an_unknown_contact_is_not_found()
    {
        await Should.ThrowAsync<NotFoundException>(() =>
            SaveAsync(new SaveContact(42, ContactKind.Person, null, null, new ContactDetails("Ghost"))));
    }

    [Fact]
    public async Task A_customer_updates_only_their_own_details_and_a_linked_company_wins_over_free_text()
    {
        var acme = await AddCompanyAsync("Acme GmbH");
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com", companyId: acme);
        var bert = await AddPersonAsync("Bert", "bert@example.com");
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");
        CurrentUser.UserId = (await PortalUserOfAsync(anna))!.Id;

        using (var request = NewRequest())
            await request.SendAsync(new UpdateMyDetails(
                new ContactDetails("Anna B.", Phone: " +49 30 123 ", CompanyName: "Free Text Ltd", PreferredLanguage: "de")));

        var stored = await ContactAsync(anna);
        stored.Name.ShouldBe("Anna B.");
        stored.Phone.ShouldBe("+49 30 123");
        stored.CompanyName.ShouldBeNull();
        stored.PreferredLanguage.ShouldBe("de");
        stored.Email.ShouldBe("anna@example.com");
        (await ContactAsync(bert)).Name.ShouldBe("Bert");

        using var read = NewRequest();
        var mine = await read.SendAsync(new GetMyDetails());
        mine.Email.ShouldBe("anna@example.com");
        mine.Details.Name.ShouldBe("Anna B.");
        mine.LinkedCompanyName.ShouldBe("Acme GmbH");
    }

    [Fact]
    public async Task Own_details_are_not_found_without_a_signed_in_user_or_for_a_user_who_is_not_active()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);

        using var request = NewRequest();
        await Should.ThrowAsync<NotFoundException>(async () => await request.SendAsync(new GetMyDetails()));

        CurrentUser.UserId = (await PortalUserOfAsync(anna))!.Id;
        await Should.ThrowAsync<NotFoundException>(async () => await request.SendAsync(new GetMyDetails()));
        await Should.ThrowAsync<NotFoundException>(async () =>
            await request.SendAsync(new UpdateMyDetails(new ContactDetails("Hacker"))));
    }

    [Fact]
    public async Task The_contact_page_shows_access_history_newest_first_and_the_invitation_delivery_state()
    {
        var acme = await AddCompanyAsync("Acme GmbH");
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com", companyId: acme);
        using (var request = NewRequest())
            await request.SendAsync(new GrantPortalAccess(anna, null, null));
        await using (var db = Database.CreateContext())
        {
            var mail = await db.OutboxMessages.SingleAsync();
            mail.MarkAttemptFailed("SMTP down", Clock.GetUtcNow(), TimeSpan.FromSeconds(10));
            await db.SaveChangesAsync();
        }

        using var read = NewRequest();
        var view = await read.SendAsync(new GetContact(anna));

        view.CompanyName.ShouldBe("Acme GmbH");
        var access = view.Access.ShouldNotBeNull();
        access.State.ShouldBe(PortalAccessState.Invited);
        var latest = access.LatestInvitation.ShouldNotBeNull();
        latest.Status.ShouldBe(InvitationStatus.Open);
        latest.DeliveryStatus.ShouldBe(OutboxStatus.Pending);
        latest.DeliveryError.ShouldBe("SMTP down");
        access.History.ShouldHaveSingleItem().Kind.ShouldBe(PortalAccessEventKind.Granted);

        Clock.Advance(Invitation.DefaultValidity);
        var later = await read.SendAsync(new GetContact(anna));
        later.Access!.LatestInvitation!.Status.ShouldBe(InvitationStatus.Expired);

        var company = await read.SendAsync(new GetContact(acme));
        company.Members.ShouldHaveSingleItem()
            .ShouldBe(new ContactMember(anna, "Anna Berg", "anna@example.com", PortalAccessState.Invited));
        company.Access.ShouldBeNull();
    }

    [Fact]
    public async Task The_invitation_page_shows_who_is_invited_without_consuming_the_link()
    {
        var anna = await AddPersonAsync("Anna Berg", "Anna@Example.com");
        var token = await SeedGrantAsync(anna);

        using var request = NewRequest();
        var view = await request.SendAsync(new GetInvitation(token));

        view.ShouldBe(new InvitationView(true, null, "Anna Berg", "anna@example.com", false));
        (await PortalUserOfAsync(anna))!.Invitations.Single().UsedAt.ShouldBeNull();
    }

    [Fact]
    public async Task The_invitation_page_explains_an_unknown_or_expired_link_and_offers_a_new_one_only_for_the_expired()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        var token = await SeedGrantAsync(anna);
        using var request = NewRequest();

        (await request.SendAsync(new GetInvitation("nope")))
            .ShouldBe(new InvitationView(false, DomainErrors.InvitationUnknown, null, null, false));

        Clock.Advance(Invitation.DefaultValidity);
        (await request.SendAsync(new GetInvitation(token)))
            .ShouldBe(new InvitationView(false, DomainErrors.InvitationExpired, null, null, false, NewLinkOffer.Request));
    }
}
