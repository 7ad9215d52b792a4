using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;
using Portal.UnitTests.Domain;

namespace Portal.UnitTests.Application;

/// <summary>A job's batch applies the single moves' rules to each contact, from what two queries read.</summary>
public sealed class InvitationBatchTests
{
    private static Contact Numbered(int id, Contact contact)
    {
        typeof(Contact).GetProperty(nameof(Contact.Id))!.SetValue(contact, id);
        return contact;
    }

    private static InvitationBatch Batch(IReadOnlyList<Contact> contacts, params LoginHolder[] holders) =>
        new(contacts, holders.ToDictionary(h => h.Login), new FakeTokenGenerator(), Given.Validity, Given.Now.AddDays(1), "Admin");

    [Fact]
    public void A_grant_refuses_invalid_internal_foreign_and_granted_contacts_and_grants_the_rest()
    {
        var contacts = new[]
        {
            Numbered(1, Given.Person("ok@example.com")),
            Numbered(2, Given.Person("broken@@example")),
            Numbered(3, Given.Person("staff@example.com")),
            Numbered(4, Given.Person("taken@example.com")),
            Numbered(5, Given.InvitedPerson()),
        };
        var batch = Batch(contacts, new LoginHolder("staff@example.com", UserKind.Internal, null),
            new LoginHolder("taken@example.com", UserKind.Portal, 99));

        var outcomes = contacts.Select(c => batch.Apply(PortalAccessJobKind.Grant, c.Id, "Hi")?.Code).ToList();

        outcomes.ShouldBe([null, DomainErrors.EmailInvalid.Code, DomainErrors.EmailBelongsToInternalUser.Code,
            DomainErrors.EmailUsedByAnotherUser.Code, DomainErrors.AccessAlreadyGranted.Code]);
        contacts[0].PortalUser!.State.ShouldBe(PortalAccessState.Invited);
        contacts[1].PortalUser.ShouldBeNull();
    }

    [Fact]
    public void Two_contacts_of_one_batch_with_the_same_e_mail_get_one_login_and_one_refusal()
    {
        var first = Numbered(1, Given.Person("twin@example.com"));
        var second = Numbered(2, Given.Person("TWIN@example.com"));
        var batch = Batch([first, second]);

        batch.Apply(PortalAccessJobKind.Grant, 1, null).ShouldBeNull();
        batch.Apply(PortalAccessJobKind.Grant, 2, null).ShouldBe(DomainErrors.EmailUsedByAnotherUser);
        second.PortalUser.ShouldBeNull();
    }

    [Fact]
    public void Re_invite_and_revoke_refuse_contacts_without_access_and_a_missing_contact_is_refused_as_gone()
    {
        var never = Numbered(1, Given.Person());
        var invited = Numbered(2, Given.InvitedPerson());
        var batch = Batch([never, invited]);

        batch.Apply(PortalAccessJobKind.ReInvite, 1, null).ShouldBe(DomainErrors.AccessNotGranted);
        batch.Apply(PortalAccessJobKind.ReInvite, 2, null).ShouldBeNull();
        batch.Apply(PortalAccessJobKind.Revoke, 1, null).ShouldBe(DomainErrors.AccessNotGranted);
        batch.Apply(PortalAccessJobKind.Revoke, 2, null).ShouldBeNull();
        invited.PortalUser!.State.ShouldBe(PortalAccessState.Revoked);
        batch.Apply(PortalAccessJobKind.Grant, 42, null).ShouldBe(DomainErrors.JobContactGone);
    }
}
