using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>
/// A job's batch is read and written without change tracking; rows with a concurrency token (contacts) are written
/// together, each only if nobody changed it since the batch read it.
/// </summary>
public sealed class UntrackedWritesTests : HandlerTest
{
    [Fact]
    public async Task Changed_contacts_of_a_batch_are_written_together_each_with_its_own_values()
    {
        var ids = new List<int>();
        for (var i = 0; i < 30; i++) ids.Add(await AddPersonAsync($"Batch Person {i}", $"batch{i}@example.com"));

        using (var request = NewRequest())
        {
            var work = request.Resolve<IUntrackedUnitOfWork>();
            var contacts = await work.ListAsync(new ContactsById(ids), CancellationToken.None);
            foreach (var contact in contacts.Where(c => c.Id % 3 != 0)) contact.ChangeExternalReference($"K-{contact.Id}", Start.AddHours(1));
            foreach (var contact in contacts.Where(c => c.Id % 3 == 0)) contact.ChangeExternalReference($"K-{contact.Id}", Start.AddHours(2));
            await work.SaveAsync(CancellationToken.None);
        }

        var stored = await ReadAsync(db => db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync());
        stored.ShouldAllBe(c => c.ExternalReference == $"K-{c.Id}");
        stored.ShouldAllBe(c => c.UpdatedAt == (c.Id % 3 == 0 ? Start.AddHours(2) : Start.AddHours(1)));
    }

    [Fact]
    public async Task A_batch_with_a_contact_somebody_changed_since_it_was_read_writes_none_of_them()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++) ids.Add(await AddPersonAsync($"Clash Person {i}", $"clash{i}@example.com"));

        using (var request = NewRequest())
        {
            var work = request.Resolve<IUntrackedUnitOfWork>();
            var contacts = await work.ListAsync(new ContactsById(ids), CancellationToken.None);
            foreach (var contact in contacts) contact.ChangeExternalReference($"K-{contact.Id}", Start.AddHours(1));
            await ReadAsync(db => db.Contacts.Where(c => c.Id == ids[3])
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.City, "Elsewhere").SetProperty(c => c.UpdatedAt, Start.AddMinutes(30))));

            await Should.ThrowAsync<ConflictException>(() => work.SaveAsync(CancellationToken.None));
        }

        var stored = await ReadAsync(db => db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync());
        stored.ShouldAllBe(c => c.ExternalReference == null);
        stored.Single(c => c.Id == ids[3]).City.ShouldBe("Elsewhere");
    }

    private sealed class ContactsById : Specification<Contact>
    {
        public ContactsById(List<int> ids) => Query.Where(c => ids.Contains(c.Id));
    }
}
