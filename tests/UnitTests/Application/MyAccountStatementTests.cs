using Microsoft.EntityFrameworkCore;
using Portal.Application.Documents;
using Portal.Application.MyAccount;
using Portal.Application.Sessions;
using Portal.Domain.Documents;
using Portal.Domain.Users;
using Portal.Infrastructure.Security;
using Portal.UnitTests.Application.Support;
using Shouldly;

namespace Portal.UnitTests.Application;

/// <summary>The lookups nearly every request runs, written as SQL of their own, read what the model stores.</summary>
public sealed class MyAccountStatementTests : HandlerTest
{
    [Fact]
    public async Task My_details_are_the_contacts_own_with_its_company_and_the_last_sign_in()
    {
        var company = await AddCompanyAsync("Müller Bau GmbH");
        var person = await AddPersonAsync("Anna Müller", "anna@example.com", company, language: "de");
        await SeedActiveAsync(person, "Orchard-Lighthouse-42");

        using var request = NewRequest();
        var user = await request.Db.PortalUsers.SingleAsync(u => u.ContactId == person);
        var details = await request.Resolve<IMyDetailsReader>().ReadAsync(user.Id, CancellationToken.None);

        details.ShouldNotBeNull();
        details.Email.ShouldBe("anna@example.com");
        details.Details.Name.ShouldBe("Anna Müller");
        details.Details.Street.ShouldBeNull();
        details.Details.PreferredLanguage.ShouldBe("de");
        details.LinkedCompanyName.ShouldBe("Müller Bau GmbH");
        details.LastSignInAt.ShouldBe(user.LastSignInAt);
        details.IsCompanyAdministrator.ShouldBeFalse();
    }

    [Fact]
    public async Task A_revoked_customer_has_no_details_and_no_document_tiles()
    {
        var person = await AddPersonAsync("Ben Weber", "ben@example.com");
        await SeedActiveAsync(person, "Orchard-Lighthouse-42");
        await SeedRevokeAsync(person);

        using var request = NewRequest();
        var user = await request.Db.PortalUsers.SingleAsync(u => u.ContactId == person);
        (await request.Resolve<IMyDetailsReader>().ReadAsync(user.Id, CancellationToken.None)).ShouldBeNull();
        (await request.Resolve<IDocumentKindCounter>().CountAsync(user.Id, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Document_tiles_count_the_sent_documents_of_each_kind_apart_for_the_contact_and_its_company()
    {
        var company = await AddCompanyAsync("Müller Bau GmbH");
        var person = await AddPersonAsync("Anna Müller", "anna@example.com", company);
        var colleague = await AddPersonAsync("Carl Müller", "carl@example.com", company);
        await SeedActiveAsync(person, "Orchard-Lighthouse-42");
        await AddDocumentAsync(person, DocumentKind.Invoice, DocumentStatus.Sent);
        await AddDocumentAsync(person, DocumentKind.Invoice, DocumentStatus.Paid);
        await AddDocumentAsync(person, DocumentKind.Invoice, DocumentStatus.Draft);
        await AddDocumentAsync(person, DocumentKind.Quotation, DocumentStatus.Sent);
        await AddDocumentAsync(company, DocumentKind.Invoice, DocumentStatus.Sent);
        await AddDocumentAsync(company, DocumentKind.CreditNote, DocumentStatus.Sent);
        await AddDocumentAsync(colleague, DocumentKind.SalesOrder, DocumentStatus.Confirmed);

        using var request = NewRequest();
        var user = await request.Db.PortalUsers.SingleAsync(u => u.ContactId == person);
        var counts = await request.Resolve<IDocumentKindCounter>().CountAsync(user.Id, CancellationToken.None);

        counts.ShouldNotBeNull();
        counts.Viewer.ContactId.ShouldBe(person);
        counts.Viewer.CompanyId.ShouldBe(company);
        counts.Viewer.CompanyKinds.ShouldBe(DocumentKindSet.All);
        counts.Counts.Keys.ShouldBe(Enum.GetValues<DocumentKind>(), ignoreOrder: true);
        counts.Counts[DocumentKind.Invoice].ShouldBe(new OwnAndCompanyCount(2, 1));
        counts.Counts[DocumentKind.Quotation].ShouldBe(new OwnAndCompanyCount(1, 0));
        counts.Counts[DocumentKind.SalesOrder].ShouldBe(new OwnAndCompanyCount(0, 0));
        counts.Counts[DocumentKind.CreditNote].ShouldBe(new OwnAndCompanyCount(0, 1));
    }

    [Fact]
    public async Task The_session_check_reads_the_session_and_its_users_stamp_until_the_session_ends()
    {
        var person = await AddPersonAsync("Anna Müller", "anna@example.com");
        await SeedActiveAsync(person, "Orchard-Lighthouse-42");
        int userId;
        using (var setup = NewRequest()) userId = (await setup.Db.PortalUsers.SingleAsync(u => u.ContactId == person)).Id;
        var token = await SendAsync(new StartSession(userId, Clock.GetUtcNow(), "Firefox"));

        using var request = NewRequest();
        var user = await request.Db.PortalUsers.SingleAsync(u => u.Id == userId);
        var session = await request.Resolve<SessionLookup>().CurrentAsync(Tokens.Hash(token), CancellationToken.None);

        session.ShouldNotBeNull();
        session.UserId.ShouldBe(userId);
        session.SecurityStamp.ShouldBe(user.SecurityStamp);
        session.LastSeenAt.ShouldBe(Clock.GetUtcNow());
        session.ExpiresAt.ShouldBeGreaterThan(Clock.GetUtcNow());
        session.StaffRole.ShouldBeNull();
        session.TwoFactorEnabled.ShouldBeFalse();
        (await request.Resolve<SessionLookup>().CurrentAsync(Tokens.Hash("another"), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task The_session_check_reads_a_staff_members_role_and_language()
    {
        var staff = await AddInternalUserAsync("eva@example.com", "Eva", "Orchard-Lighthouse-42", StaffRole.PortalManager);
        var token = await SendAsync(new StartSession(staff, Clock.GetUtcNow(), "Firefox"));

        using var request = NewRequest();
        var session = await request.Resolve<SessionLookup>().CurrentAsync(Tokens.Hash(token), CancellationToken.None);

        session.ShouldNotBeNull();
        session.StaffRole.ShouldBe(StaffRole.PortalManager);
    }

    private async Task AddDocumentAsync(int contactId, DocumentKind kind, DocumentStatus status)
    {
        await using var db = Database.CreateContext();
        var document = Document.Create(contactId, kind, $"D-{Guid.NewGuid():n}"[..12], new DateOnly(2026, 3, 2), null, "EUR",
            [new DocumentLineItem("Service", 1, 100, 19)], Clock.GetUtcNow(), "admin");
        if (status == DocumentStatus.Paid) document.ChangeStatus(DocumentStatus.Sent, Clock.GetUtcNow(), "admin");
        document.ChangeStatus(status, Clock.GetUtcNow(), "admin");
        db.Documents.Add(document);
        await db.SaveChangesAsync();
    }
}
