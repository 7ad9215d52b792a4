using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class GrantPortalAccessTests
{
    [Fact]
    public void Granting_creates_an_invited_user_with_the_normalised_login_one_open_invitation_and_a_Granted_entry()
    {
        var contact = Given.Person(" Anna.Berg@Example.COM ");

        var invitation = contact.GrantPortalAccess(contact.Email, EmailOwner.Nobody, Given.Link("hash-1"), Given.Now, Given.Validity,
            Given.Admin);

        var user = contact.PortalUser.ShouldNotBeNull();
        user.Kind.ShouldBe(UserKind.Portal);
        user.Contact.ShouldBeSameAs(contact);
        user.State.ShouldBe(PortalAccessState.Invited);
        user.Login.ShouldBe("anna.berg@example.com");
        user.PasswordHash.ShouldBeNull();
        user.CanSignIn.ShouldBeFalse();
        contact.Email.ShouldBe("Anna.Berg@Example.COM");
        contact.HasLivePortalAccess.ShouldBeTrue();

        user.Invitations.ShouldHaveSingleItem().ShouldBeSameAs(invitation);
        invitation.PortalUser.ShouldBeSameAs(user);
        invitation.IsOpen.ShouldBeTrue();
        invitation.TokenHash.ShouldBe("hash-1");
        invitation.CreatedAt.ShouldBe(Given.Now);
        invitation.ExpiresAt.ShouldBe(Given.Now + Invitation.DefaultValidity);
        invitation.UsedAt.ShouldBeNull();
        invitation.VoidedAt.ShouldBeNull();
        invitation.MailId.ShouldBeNull();

        var entry = user.History.ShouldHaveSingleItem();
        (entry.Kind, entry.OccurredAt, entry.Actor).ShouldBe((PortalAccessEventKind.Granted, Given.Now, Given.Admin));
    }

    [Fact]
    public void The_invitation_lasts_as_long_as_configured()
    {
        var contact = Given.Person();

        var invitation = contact.GrantPortalAccess(contact.Email, EmailOwner.Nobody, Given.Link("hash-1"), Given.Now, TimeSpan.FromDays(2),
            Given.Admin);

        invitation.ExpiresAt.ShouldBe(Given.Now.AddDays(2));
        Invitation.DefaultValidity.ShouldBe(TimeSpan.FromDays(7));
    }

    [Fact]
    public void Granting_to_an_email_corrected_in_the_wizard_makes_it_the_contacts_email_and_login()
    {
        var contact = Given.Person("anna@typo.exmaple");
        var later = Given.Now.AddMinutes(5);

        contact.GrantPortalAccess(" Anna@Example.com ", EmailOwner.Nobody, Given.Link("hash-1"), later, Given.Validity, Given.Admin);

        contact.Email.ShouldBe("Anna@Example.com");
        contact.UpdatedAt.ShouldBe(later);
        contact.PortalUser!.Login.ShouldBe("anna@example.com");
    }

    [Fact]
    public void An_email_that_is_already_this_contacts_own_login_may_be_used()
    {
        var contact = Given.Person();

        contact.GrantPortalAccess(contact.Email, EmailOwner.ThisContact, Given.Link("hash-1"), Given.Now, Given.Validity, Given.Admin);

        contact.PortalUser!.State.ShouldBe(PortalAccessState.Invited);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("anna")]
    [InlineData("anna@localhost")]
    [InlineData("anna berg@example.com")]
    [InlineData("anna@@example.com")]
    public void Granting_without_a_valid_email_is_refused_and_changes_nothing(string? email)
    {
        var contact = Given.Person(email);

        var refused = Should.Throw<DomainException>(() => contact.Grant());

        refused.Error.ShouldBe(DomainErrors.EmailInvalid);
        refused.Code.ShouldBe("Email.Invalid");
        refused.Message.ShouldBe(DomainErrors.EmailInvalid.Message);
        contact.PortalUser.ShouldBeNull();
        contact.HasLivePortalAccess.ShouldBeFalse();
    }

    [Fact]
    public void Granting_to_an_email_that_is_another_portal_users_login_is_refused_and_keeps_the_old_email()
    {
        var contact = Given.Person("old@example.com");

        var refused = Should.Throw<DomainException>(() =>
            contact.GrantPortalAccess("taken@example.com", EmailOwner.AnotherPortalUser, Given.Link("hash-1"), Given.Now, Given.Validity,
                Given.Admin));

        refused.Error.ShouldBe(DomainErrors.EmailUsedByAnotherUser);
        contact.PortalUser.ShouldBeNull();
        contact.Email.ShouldBe("old@example.com");
    }

    [Fact]
    public void Granting_to_an_internal_users_email_is_refused()
    {
        var contact = Given.Person("staff@portal.example");

        var refused = Should.Throw<DomainException>(() =>
            contact.GrantPortalAccess(contact.Email, EmailOwner.InternalUser, Given.Link("hash-1"), Given.Now, Given.Validity,
                Given.Admin));

        refused.Error.ShouldBe(DomainErrors.EmailBelongsToInternalUser);
        contact.PortalUser.ShouldBeNull();
    }

    [Fact]
    public void Granting_again_while_invited_is_refused_and_issues_no_second_invitation()
    {
        var contact = Given.InvitedPerson();

        var refused = Should.Throw<DomainException>(() => contact.Grant("hash-2", Given.Now.AddHours(1)));

        refused.Error.ShouldBe(DomainErrors.AccessAlreadyGranted);
        contact.PortalUser!.Invitations.ShouldHaveSingleItem().IsOpen.ShouldBeTrue();
        contact.PortalUser.History.Count.ShouldBe(1);
    }

    [Fact]
    public void Granting_again_while_active_is_refused_and_keeps_the_password()
    {
        var contact = Given.ActivePerson();

        var refused = Should.Throw<DomainException>(() => contact.Grant("hash-2", Given.Now.AddHours(2)));

        refused.Error.ShouldBe(DomainErrors.AccessAlreadyGranted);
        contact.PortalUser!.State.ShouldBe(PortalAccessState.Active);
        contact.PortalUser.PasswordHash.ShouldBe("pw-hash");
        contact.PortalUser.Invitations.Count.ShouldBe(1);
    }

    [Fact]
    public void Already_granted_is_the_answer_even_when_the_new_email_would_be_unusable()
    {
        var contact = Given.InvitedPerson();

        Should.Throw<DomainException>(() =>
                contact.GrantPortalAccess("bad", EmailOwner.Nobody, Given.Link("hash-2"), Given.Now, Given.Validity, Given.Admin))
            .Error.ShouldBe(DomainErrors.AccessAlreadyGranted);
        contact.Email.ShouldBe("anna.berg@example.com");
    }
}
