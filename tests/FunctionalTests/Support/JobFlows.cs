using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contacts;

namespace Portal.FunctionalTests.Support;

public static class JobFlows
{
    /// <summary>Contacts stored directly (a form per contact would take minutes for thousands); the job itself goes through HTTP.</summary>
    public static Task<List<int>> SeedContactsAsync(this PortalFactory factory, IEnumerable<(string Name, string? Email)> contacts) =>
        factory.WithDbAsync(async db =>
        {
            var rows = contacts.Select(c => Contact.CreatePerson(new ContactDetails(c.Name), c.Email, null, factory.Clock.GetUtcNow()))
                .ToList();
            db.Contacts.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });

    /// <summary>From the contacts list with a search and filter, through the link and the confirmation form; returns the job's id.</summary>
    public static async Task<int> StartJobAsync(this PortalBrowser admin, string kind, string search, string access = "All",
        string? welcome = null)
    {
        var list = await admin.GetAsync($"/admin/contacts?q={Uri.EscapeDataString(search)}&access={access}");
        var link = list.Document.QuerySelectorAll("a").SingleOrDefault(a => a.GetAttribute("href")!.Contains($"kind={kind}"))
            ?? throw new InvalidOperationException($"No {kind} link on {list.Url}:\n{list.Text}");
        var confirm = await admin.GetAsync(link.GetAttribute("href")!);
        confirm.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        var fields = welcome is null ? null : new Dictionary<string, string?> { ["WelcomeMessage"] = welcome };
        var job = await admin.SubmitAsync(confirm, fields: fields);
        job.Path.ShouldStartWith("/admin/portal-access/jobs/");
        return int.Parse(job.Path.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<Dictionary<string, int>> RefusalsAsync(this PortalFactory factory, int jobId) =>
        factory.WithDbAsync(db => db.PortalAccessJobItems.Where(i => i.JobId == jobId && i.Reason != null)
            .GroupBy(i => i.Reason!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
}
