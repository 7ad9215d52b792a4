using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.PortalAccess.Jobs;
using Portal.Domain.PortalAccess.Jobs;
using Portal.UnitTests.Application.Support;
using Portal.UnitTests.Domain;

namespace Portal.UnitTests.Application;

/// <summary>The runner settles a job batch by batch, on a real database, beside staff who may cancel it meanwhile.</summary>
public sealed class PortalAccessJobRunnerTests : HandlerTest
{
    [Fact]
    public async Task A_cancel_committed_while_the_first_batch_is_under_way_is_not_written_over_by_that_batch()
    {
        int jobId;
        await using (var db = Database.CreateContext())
        {
            // One row more than a batch, so the first batch is not the last.
            var contacts = Enumerable.Range(1, PortalAccessJobRunner.BatchSize + 1).Select(i => Given.Person($"person{i}@example.com", $"Person {i}")).ToList();
            db.Contacts.AddRange(contacts);
            await db.SaveChangesAsync();
            var (job, items) = PortalAccessJob.Create(PortalAccessJobKind.Grant, contacts.Select(c => c.Id).ToList(), "All", null,
                null, "Admin", Clock.GetUtcNow());
            db.PortalAccessJobs.Add(job);
            db.PortalAccessJobItems.AddRange(items);
            await db.SaveChangesAsync();
            jobId = job.Id;
        }

        // Staff cancel the job in their own request once the batch has read its rows, before it writes: from its first
        // write to its commit the batch holds SQLite's write lock, so a cancel then waits for the commit instead.
        var cancelled = false;
        Hooks.OnQuery = command =>
        {
            if (cancelled || !command.CommandText.Contains("\"PortalAccessJobItems\"", StringComparison.Ordinal)) return;
            cancelled = true;
            using var staff = Database.CreateContext();
            staff.PortalAccessJobs.Where(j => j.Id == jobId)
                .ExecuteUpdate(set => set.SetProperty(j => j.Status, PortalAccessJobStatus.Cancelled));
        };
        using (var request = NewRequest())
        {
            await request.Services.GetRequiredService<PortalAccessJobRunner>().RunBatchAsync(jobId, CancellationToken.None);
        }

        cancelled.ShouldBeTrue();
        await using var check = Database.CreateContext();
        var stored = await check.PortalAccessJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        (stored.Status, stored.Done).ShouldBe((PortalAccessJobStatus.Cancelled, PortalAccessJobRunner.BatchSize));
        using (var next = NewRequest())
        {
            (await next.Services.GetRequiredService<PortalAccessJobRunner>().RunBatchAsync(jobId, CancellationToken.None)).ShouldBeFalse();
        }
    }
}
