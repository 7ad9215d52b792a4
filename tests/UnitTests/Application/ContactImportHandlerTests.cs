using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Application.ContactImports;
using Portal.Application.Contacts;
using Portal.Domain.Activity;
using Portal.Domain.Contacts;
using Portal.UnitTests.Application.Support;
using Shouldly;

namespace Portal.UnitTests.Application;

public sealed class ContactImportHandlerTests : HandlerTest
{
    [Fact]
    public async Task A_commit_returns_the_new_and_updated_people_and_a_second_commit_does_nothing()
    {
        var updated = await SendAsync(new SaveContact(null, ContactKind.Person, "ulla@example.com", null, new ContactDetails("Ulla")));
        var unchanged = await SendAsync(new SaveContact(null, ContactKind.Person, "udo@example.com", null, new ContactDetails("Udo")));
        var csv = "Name,E-mail,Company\nUlla Updated,ulla@example.com,\nUdo,udo@example.com,\nNina New,nina@example.com,Neu AG\n";
        var id = await SendAsync(new UploadContactImport("people.csv", Encoding.UTF8.GetBytes(csv)));

        var result = await SendAsync(new CommitContactImport(id));

        result.ShouldNotBeNull();
        var nina = await ReadAsync(db => db.Contacts.Include(c => c.Company).SingleAsync(c => c.Email == "nina@example.com"));
        result.ImportedPersonIds.ShouldBe([updated, nina.Id], ignoreOrder: true);
        result.ImportedPersonIds.ShouldNotContain(unchanged);
        (result.New, result.Updated, result.Unchanged, result.Refused, result.NewCompanies).ShouldBe((1, 1, 1, 0, 1));
        nina.Company!.Name.ShouldBe("Neu AG");
        (await SendAsync(new CommitContactImport(id))).ShouldBeNull();
        (await ReadAsync(db => db.ActivityEntries.CountAsync(a => a.Kind == ActivityKind.ContactsImported))).ShouldBe(1);
        (await ReadAsync(db => db.ContactImports.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_contact_form_refuses_an_external_reference_another_contact_has()
    {
        await SendAsync(new SaveContact(null, ContactKind.Person, null, null, new ContactDetails("Erik"), "ERP-1"));

        var refusal = await Should.ThrowAsync<FluentValidation.ValidationException>(() =>
            SendAsync(new SaveContact(null, ContactKind.Person, null, null, new ContactDetails("Eva"), " ERP-1 ")).AsTask());

        refusal.Errors.Single().ErrorMessage.ShouldBe(ContactValidation.ReferenceTaken);
    }
}
