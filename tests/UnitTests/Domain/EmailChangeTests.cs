using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

/// <summary>The login follows the e-mail: requested with a link to the new address, changed only when the link is confirmed.</summary>
public sealed class EmailChangeTests
{
    private static readonly TimeSpan Validity = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset Requested = Given.Now.AddDays(1);
    private const string Customer = "anna.berg@example.com";

    [Fact]
    public void Requesting_issues_a_link_for_the_new_address_and_changes_nothing_yet()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        var stamp = user.SecurityStamp;

        var link = user.RequestEmailChange("  Anna.Neu@Example.org ", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"),
            Requested, Validity, Customer);

        (link.Purpose, link.TokenHash, link.NewEmail, link.CreatedAt, link.ExpiresAt)
            .ShouldBe((AccountTokenPurpose.EmailChange, "ec-1", "Anna.Neu@Example.org", Requested, Requested + Validity));
        link.IsUsable(Requested).ShouldBeTrue();
        user.Login.ShouldBe(Customer);
        contact.Email.ShouldBe(Customer);
        user.SecurityStamp.ShouldBe(stamp);
        var entry = user.History.Last();
        (entry.Kind, entry.OccurredAt, entry.Actor).ShouldBe((PortalAccessEventKind.EmailChangeRequested, Requested, Customer));
    }

    [Fact]
    public void A_newer_request_voids_the_older_link()
    {
        var user = Given.ActivePerson().PortalUser!;
        var first = user.RequestEmailChange("first@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"),
            Requested, Validity, Customer);

        var second = user.RequestEmailChange("second@example.org", EmailOwner.Nobody, Given.Link("ec-2"), Given.Link("ec-2-report"),
            Requested.AddMinutes(5), Validity,
            Customer);

        first.VoidedAt.ShouldBe(Requested.AddMinutes(5));
        second.IsOpen.ShouldBeTrue();
        user.EmailChangeProblem("ec-1", EmailOwner.Nobody, Requested.AddMinutes(6)).ShouldBe(DomainErrors.LinkInvalid);
        Should.Throw<DomainException>(() => user.Contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, Requested.AddMinutes(6)))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
    }

    [Fact]
    public void A_request_leaves_open_password_reset_links_alone()
    {
        var user = Given.ActivePerson().PortalUser!;
        var reset = user.IssuePasswordReset(Given.Link("reset-1"), Requested, TimeSpan.FromHours(1));

        user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"), Requested,
            Validity, Customer);

        reset.IsOpen.ShouldBeTrue();
    }

    [Theory]
    [InlineData("not an address", EmailOwner.Nobody, "EmailChange.Invalid")]
    [InlineData("", EmailOwner.Nobody, "EmailChange.Invalid")]
    [InlineData(" ANNA.Berg@example.com ", EmailOwner.ThisContact, "EmailChange.Unchanged")]
    [InlineData("bob@example.com", EmailOwner.AnotherPortalUser, "Email.UsedByAnotherUser")]
    [InlineData("staff@portal.example", EmailOwner.InternalUser, "Email.UsedByAnotherUser")]
    public void A_request_for_an_unusable_address_is_refused_and_issues_nothing(string newEmail, EmailOwner owner, string code)
    {
        var user = Given.ActivePerson().PortalUser!;
        var version = user.Version;

        Should.Throw<DomainException>(() => user.RequestEmailChange(newEmail, owner, Given.Link("ec-1"), Given.Link("ec-1-report"),
            Requested, Validity, Customer))
            .Code.ShouldBe(code);

        user.Tokens.ShouldBeEmpty();
        user.History.Last().Kind.ShouldBe(PortalAccessEventKind.Accepted);
        user.Version.ShouldBe(version);
    }

    [Fact]
    public void Only_an_active_user_can_request_a_change()
    {
        Should.Throw<DomainException>(() => Given.InvitedPerson().PortalUser!
            .RequestEmailChange("x@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"), Requested, Validity,
                Given.Admin))
            .Error.ShouldBe(DomainErrors.EmailChangeNeedsActiveAccess);
        Should.Throw<DomainException>(() => Given.RevokedPerson().PortalUser!
            .RequestEmailChange("x@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"), Requested, Validity,
                Given.Admin))
            .Error.ShouldBe(DomainErrors.EmailChangeNeedsActiveAccess);
    }

    [Fact]
    public void Confirming_makes_the_new_address_the_login_and_the_contacts_email_and_ends_every_session()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        var link = user.RequestEmailChange("Anna.Neu@Example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"),
            Requested, Validity, Given.Admin);
        var stamp = user.SecurityStamp;
        user.ClearDomainEvents();
        var at = Requested.AddHours(3);

        user.EmailChangeProblem("ec-1", EmailOwner.Nobody, at).ShouldBeNull();
        user.Contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, at);

        user.Login.ShouldBe("anna.neu@example.org");
        contact.Email.ShouldBe("Anna.Neu@Example.org");
        contact.UpdatedAt.ShouldBe(at);
        link.UsedAt.ShouldBe(at);
        user.SecurityStamp.ShouldNotBe(stamp);
        user.CanSignIn.ShouldBeTrue();
        var entry = user.History.Last();
        (entry.Kind, entry.OccurredAt, entry.Actor).ShouldBe((PortalAccessEventKind.EmailChanged, at, "anna.neu@example.org"));
        user.DomainEvents.OfType<PortalAccessChanged>().ShouldHaveSingleItem()
            .ShouldBe(new PortalAccessChanged(contact.Id, "anna.neu@example.org", PortalAccessEventKind.EmailChanged,
                "anna.neu@example.org", at, contact.Name, NewContact: contact));
    }

    [Fact]
    public void Confirming_tells_the_old_address_and_voids_its_report_link_which_has_nothing_left_to_cancel()
    {
        var user = Given.ActivePerson().PortalUser!;
        user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("rep-1"), Requested,
            Validity, Customer);
        user.ClearDomainEvents();
        var at = Requested.AddMinutes(2);

        user.Contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, at);

        user.DomainEvents.OfType<EmailChanged>().ShouldHaveSingleItem().OldEmail.ShouldBe(Customer);
        user.UsableEmailChangeReport("rep-1", at).ShouldBeNull();
        Should.Throw<DomainException>(() => user.ReportEmailChange("rep-1", at)).Error.ShouldBe(DomainErrors.LinkInvalid);
    }

    [Fact]
    public void Confirming_voids_reset_links_that_went_to_the_old_address()
    {
        var user = Given.ActivePerson().PortalUser!;
        user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"), Requested,
            Validity, Customer);
        var reset = user.IssuePasswordReset(Given.Link("reset-1"), Requested.AddMinutes(1), TimeSpan.FromHours(1));

        user.Contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, Requested.AddMinutes(2));

        reset.VoidedAt.ShouldBe(Requested.AddMinutes(2));
        Should.Throw<DomainException>(() => user.ResetPassword("reset-1", "new-hash", Requested.AddMinutes(3)));
    }

    [Fact]
    public void A_link_works_once()
    {
        var user = Given.ActivePerson().PortalUser!;
        user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"), Requested,
            Validity, Customer);
        user.Contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, Requested.AddMinutes(1));

        Should.Throw<DomainException>(() => user.Contact.ConfirmEmailChange("ec-1", EmailOwner.ThisContact, Requested.AddMinutes(2)))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
    }

    [Fact]
    public void A_link_expires_after_its_validity()
    {
        var user = Given.ActivePerson().PortalUser!;
        user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"), Requested,
            Validity, Customer);

        user.EmailChangeProblem("ec-1", EmailOwner.Nobody, Requested + Validity - TimeSpan.FromSeconds(1)).ShouldBeNull();
        Should.Throw<DomainException>(() => user.Contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, Requested + Validity))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
        user.Login.ShouldBe(Customer);
    }

    [Fact]
    public void An_unknown_link_or_another_kind_of_link_is_refused()
    {
        var user = Given.ActivePerson().PortalUser!;
        user.IssuePasswordReset(Given.Link("reset-1"), Requested, TimeSpan.FromHours(1));

        Should.Throw<DomainException>(() => user.Contact.ConfirmEmailChange("nope", EmailOwner.Nobody, Requested)).Error
            .ShouldBe(DomainErrors.LinkInvalid);
        Should.Throw<DomainException>(() => user.Contact.ConfirmEmailChange("reset-1", EmailOwner.Nobody, Requested)).Error
            .ShouldBe(DomainErrors.LinkInvalid);
        user.EmailChangeLink("reset-1").ShouldBeNull();
    }

    [Theory]
    [InlineData(EmailOwner.AnotherPortalUser)]
    [InlineData(EmailOwner.InternalUser)]
    public void An_address_taken_since_the_request_is_refused_at_confirmation_and_nothing_changes(EmailOwner takenBy)
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        var link = user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"),
            Requested, Validity, Customer);
        var stamp = user.SecurityStamp;

        Should.Throw<DomainException>(() => user.Contact.ConfirmEmailChange("ec-1", takenBy, Requested.AddHours(1)))
            .Error.ShouldBe(DomainErrors.EmailUsedByAnotherUser);

        (user.Login, contact.Email, user.SecurityStamp).ShouldBe((Customer, Customer, stamp));
        link.UsedAt.ShouldBeNull();
    }

    [Fact]
    public void A_revoke_voids_a_pending_link()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        var link = user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"),
            Requested, Validity, Customer);

        contact.RevokePortalAccess(Requested.AddMinutes(1), Given.Admin);
        contact.Grant("hash-2", Requested.AddMinutes(2));
        contact.Accept("hash-2", Requested.AddMinutes(3));

        link.VoidedAt.ShouldBe(Requested.AddMinutes(1));
        Should.Throw<DomainException>(() => user.Contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, Requested.AddMinutes(4)))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
        user.Login.ShouldBe(Customer);
    }

    [Fact]
    public void A_request_issues_a_report_link_for_the_old_address_valid_as_long_as_the_change()
    {
        var user = Given.ActivePerson().PortalUser!;

        user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("rep-1"), Requested, Validity,
            Customer);

        var report = user.UsableEmailChangeReport("rep-1", Requested).ShouldNotBeNull();
        (report.Purpose, report.ExpiresAt, report.NewEmail)
            .ShouldBe((AccountTokenPurpose.EmailChangeReport, Requested + Validity, "anna@example.org"));
        user.DomainEvents.OfType<EmailChangeRequested>().ShouldHaveSingleItem().ReportToken.ShouldBe("token-of-rep-1");
        user.PendingEmailChange(Requested).ShouldNotBeNull().NewEmail.ShouldBe("anna@example.org");
    }

    [Fact]
    public void Reporting_the_change_cancels_it_and_records_the_report_as_the_customers()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        var link = user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("rep-1"), Requested,
            Validity, Given.Admin);
        user.ClearDomainEvents();
        var at = Requested.AddHours(1);

        user.ReportEmailChange("rep-1", at);

        link.VoidedAt.ShouldBe(at);
        user.PendingEmailChange(at).ShouldBeNull();
        Should.Throw<DomainException>(() => contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, at.AddMinutes(1)))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
        (user.Login, contact.Email).ShouldBe((Customer, Customer));
        var entry = user.History.Last();
        (entry.Kind, entry.OccurredAt, entry.Actor).ShouldBe((PortalAccessEventKind.EmailChangeReported, at, Customer));
        user.DomainEvents.OfType<AccountSecurityEvent>().Select(e => e.Kind).ShouldBe([SecurityEventKind.EmailChangeReported]);
        user.DomainEvents.OfType<PortalAccessChanged>().ShouldHaveSingleItem().ToActivity(actorUserId: 7).ActorUserId
            .ShouldBeNull("nobody signed in made the report");
        Should.Throw<DomainException>(() => user.ReportEmailChange("rep-1", at.AddMinutes(1))).Error.ShouldBe(DomainErrors.LinkInvalid);
    }

    [Fact]
    public void A_report_link_is_refused_once_expired_or_replaced_by_a_newer_request()
    {
        var user = Given.ActivePerson().PortalUser!;
        user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("rep-1"), Requested, Validity,
            Customer);

        Should.Throw<DomainException>(() => user.ReportEmailChange("rep-1", Requested + Validity)).Error.ShouldBe(DomainErrors.LinkInvalid);
        user.RequestEmailChange("anna@example.net", EmailOwner.Nobody, Given.Link("ec-2"), Given.Link("rep-2"), Requested, Validity,
            Customer);
        Should.Throw<DomainException>(() => user.ReportEmailChange("rep-1", Requested)).Error.ShouldBe(DomainErrors.LinkInvalid);
        Should.Throw<DomainException>(() => user.ReportEmailChange("ec-2", Requested)).Error.ShouldBe(DomainErrors.LinkInvalid);
    }

    [Fact]
    public void Staff_cancelling_a_pending_change_voids_both_links_and_records_who_cancelled()
    {
        var user = Given.ActivePerson().PortalUser!;
        var link = user.RequestEmailChange("anna@example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("rep-1"), Requested,
            Validity, Given.Admin);
        var at = Requested.AddMinutes(10);

        user.CancelEmailChange(at, Given.Admin);

        link.VoidedAt.ShouldBe(at);
        user.UsableEmailChangeReport("rep-1", at).ShouldBeNull();
        user.PendingEmailChange(at).ShouldBeNull();
        var entry = user.History.Last();
        (entry.Kind, entry.OccurredAt, entry.Actor).ShouldBe((PortalAccessEventKind.EmailChangeCancelled, at, Given.Admin));
        Should.Throw<DomainException>(() => user.CancelEmailChange(at, Given.Admin)).Error.ShouldBe(DomainErrors.NoEmailChangePending);
    }

    [Fact]
    public void The_contacts_email_stays_locked_for_the_back_office_edit_while_access_is_live()
    {
        var contact = Given.ActivePerson();

        Should.Throw<DomainException>(() => contact.ChangeEmail("anna@example.org", Requested)).Error
            .ShouldBe(DomainErrors.EmailLockedByPortalAccess);
    }
}
