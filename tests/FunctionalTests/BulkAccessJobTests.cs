using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Application.PortalAccess.Jobs;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Grant, re-invite and revoke for every contact a search matches, as a background job with live progress.</summary>
public sealed class BulkAccessJobTests(JobsFactory factory) : IClassFixture<JobsFactory>
{
    [Fact]
    public async Task A_bulk_grant_of_2000_refuses_invalid_emails_foreign_logins_internal_users_and_granted_contacts_with_their_reason()
    {
        using var admin = await factory.SignedInAdminAsync();
        var granted = await admin.CreateContactAsync("Bulkgrant Early", "early@bulkgrant.example");
        await admin.GrantAsync(granted);
        var seeded = Enumerable.Range(0, 1995).Select(i => ($"Bulkgrant {i:0000}", (string?)$"c{i}@bulkgrant.example"))
            .Append(("Bulkgrant NoMail", null))
            .Append(("Bulkgrant Broken", "broken@@bulkgrant"))
            .Append(("Bulkgrant Twin", "EARLY@bulkgrant.example"))
            .Append(("Bulkgrant Staff", PortalFactory.AdminEmail));
        await factory.SeedContactsAsync(seeded);

        var jobId = await admin.StartJobAsync("Grant", "bulkgrant", welcome: "Welcome aboard!");
        var confirmationCount = await factory.WithDbAsync(db => db.PortalAccessJobs.Where(j => j.Id == jobId).Select(j => j.Total).SingleAsync());
        confirmationCount.ShouldBe(2000);
        await factory.RunJobsToEndAsync();

        var job = await factory.WithDbAsync(db => db.PortalAccessJobs.SingleAsync(j => j.Id == jobId));
        job.Status.ShouldBe(PortalAccessJobStatus.Completed);
        (job.Done, job.Refused).ShouldBe((1995, 5));
        var refusals = await factory.RefusalsAsync(jobId);
        refusals[DomainErrors.EmailInvalid.Code].ShouldBe(2);
        refusals[DomainErrors.EmailUsedByAnotherUser.Code].ShouldBe(1);
        refusals[DomainErrors.EmailBelongsToInternalUser.Code].ShouldBe(1);
        refusals[DomainErrors.AccessAlreadyGranted.Code].ShouldBe(1);
        (await factory.WithDbAsync(db => db.PortalUsers.CountAsync(u => u.Login.EndsWith("@bulkgrant.example")))).ShouldBe(1996);
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress.EndsWith("@bulkgrant.example")))).ShouldBe(1996);

        var page = await admin.GetAsync($"/admin/portal-access/jobs/{jobId}?show=Refused");
        page.Text.ShouldContain("This e-mail address is already used by another user.");
        page.Text.ShouldContain("internal users can't be portal users");
        page.Text.ShouldContain("This contact already has portal access.");
        page.Document.QuerySelectorAll("#job-results tbody tr").Length.ShouldBe(5);
        var activity = await admin.GetAsync("/admin/activity");
        activity.Text.ShouldContain("Bulk grant: 1,995 done, 5 refused of 2,000");
    }

    [Fact]
    public async Task A_login_granted_at_the_end_of_one_batch_is_refused_to_the_twin_that_opens_the_next()
    {
        using var admin = await factory.SignedInAdminAsync();
        // Contacts two by two with one address between a first and a last one of their own, so that in either order one
        // pair falls across the first two batches: the next batch is prepared while the one before still commits, so that
        // one's logins must count as taken before the database has them.
        await factory.SeedContactsAsync(Enumerable.Range(0, 1002).Select(i => ($"Dupejob {i:0000}",
            (string?)(i is 0 or 1001 ? $"solo{i}@dupejob.example" : $"d{(i + 1) / 2}@dupejob.example"))));
        var jobId = await admin.StartJobAsync("Grant", "dupejob");

        await factory.RunJobsToEndAsync();

        var job = await factory.WithDbAsync(db => db.PortalAccessJobs.SingleAsync(j => j.Id == jobId));
        (job.Status, job.Done, job.Refused).ShouldBe((PortalAccessJobStatus.Completed, 502, 500));
        var rows = await factory.WithDbAsync(db => db.PortalAccessJobItems.Where(i => i.JobId == jobId).OrderBy(i => i.Id)
            .Select(i => new { i.Outcome, i.Reason, i.Contact.Email }).ToListAsync());
        rows[PortalAccessJobRunner.BatchSize - 1].Email.ShouldBe(rows[PortalAccessJobRunner.BatchSize].Email);
        rows.GroupBy(r => r.Email).ShouldAllBe(twins => twins.First().Outcome == PortalAccessJobOutcome.Done
            && twins.Skip(1).All(r => r.Outcome == PortalAccessJobOutcome.Refused && r.Reason == DomainErrors.EmailUsedByAnotherUser.Code));
        (await factory.WithDbAsync(db => db.PortalUsers.CountAsync(u => u.Login.EndsWith("@dupejob.example")))).ShouldBe(502);
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress.EndsWith("@dupejob.example")))).ShouldBe(502);
    }

    [Fact]
    public async Task A_job_stopped_after_its_first_batch_continues_after_a_restart_without_granting_or_mailing_anyone_twice()
    {
        using var admin = await factory.SignedInAdminAsync();
        await factory.SeedContactsAsync(Enumerable.Range(0, 1200).Select(i => ($"Restartjob {i:0000}", (string?)$"r{i}@restartjob.example")));
        var jobId = await admin.StartJobAsync("Grant", "restartjob");

        (await factory.RunJobBatchAsync()).ShouldBe(true);
        var afterFirst = await factory.WithDbAsync(db => db.PortalAccessJobs.SingleAsync(j => j.Id == jobId));
        (afterFirst.Status, afterFirst.Done).ShouldBe((PortalAccessJobStatus.Running, 500));

        // The first instance dies holding the lease; a new one takes over once it has run out.
        await using var restarted = JobsFactory.RestartOf(factory);
        _ = restarted.Server;
        (await restarted.RunJobBatchAsync()).ShouldBeNull();
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await restarted.RunJobsToEndAsync();

        var job = await factory.WithDbAsync(db => db.PortalAccessJobs.SingleAsync(j => j.Id == jobId));
        (job.Status, job.Done, job.Refused).ShouldBe((PortalAccessJobStatus.Completed, 1200, 0));
        (await factory.WithDbAsync(db => db.PortalUsers.CountAsync(u => u.Login.EndsWith("@restartjob.example")))).ShouldBe(1200);
        (await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.PortalUser.Login.EndsWith("@restartjob.example")))).ShouldBe(1200);
        var mails = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress.EndsWith("@restartjob.example"))
            .GroupBy(m => m.ToAddress).Select(g => g.Count()).ToListAsync());
        mails.Count.ShouldBe(1200);
        mails.ShouldAllBe(count => count == 1);
    }

    [Fact]
    public async Task Re_inviting_all_invited_contacts_sends_everyone_whose_invitation_expired_a_new_link()
    {
        var admin = await factory.SignedInAdminAsync();
        await factory.SeedContactsAsync(Enumerable.Range(0, 30).Select(i => ($"Expiredinv {i:00}", (string?)$"e{i}@expiredinv.example")));
        await admin.StartJobAsync("Grant", "expiredinv");
        await factory.RunJobsToEndAsync();
        factory.Clock.Advance(TimeSpan.FromDays(8));
        admin.Dispose();
        admin = await factory.SignedInAdminAsync();

        var jobId = await admin.StartJobAsync("ReInvite", "expiredinv", access: "Invited");
        var confirmed = await factory.WithDbAsync(db => db.PortalAccessJobs.Where(j => j.Id == jobId).Select(j => j.Total).SingleAsync());
        confirmed.ShouldBe(30);
        await factory.RunJobsToEndAsync();

        var job = await factory.WithDbAsync(db => db.PortalAccessJobs.SingleAsync(j => j.Id == jobId));
        (job.Done, job.Refused).ShouldBe((30, 0));
        var openLinks = await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.PortalUser.Login.EndsWith("@expiredinv.example")
            && i.UsedAt == null && i.VoidedAt == null && i.ExpiresAt > factory.Clock.GetUtcNow()));
        openLinks.ShouldBe(30);
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress.EndsWith("@expiredinv.example")))).ShouldBe(60);
    }

    [Fact]
    public async Task Cancelling_a_running_job_keeps_its_committed_batch_and_cancels_the_rest_without_a_grant_or_a_mail()
    {
        using var admin = await factory.SignedInAdminAsync();
        await factory.SeedContactsAsync(Enumerable.Range(0, 600).Select(i => ($"Canceljob {i:000}", (string?)$"c{i}@canceljob.example")));
        var jobId = await admin.StartJobAsync("Grant", "canceljob");
        (await factory.RunJobBatchAsync()).ShouldBe(true);

        var running = await admin.GetAsync($"/admin/portal-access/jobs/{jobId}");
        running.Document.QuerySelector("#job-cancel summary")!.TextContent.ShouldContain("Cancel job");
        var cancelled = await admin.SubmitAsync(running, "Yes, cancel the job");

        cancelled.Path.ShouldBe($"/admin/portal-access/jobs/{jobId}");
        cancelled.Document.QuerySelector("[data-job-field=status]")!.TextContent.ShouldBe("Cancelled");
        cancelled.Document.QuerySelector("#job-cancel").ShouldBeNull();
        (await factory.RunJobBatchAsync()).ShouldBe(false);
        var job = await factory.WithDbAsync(db => db.PortalAccessJobs.SingleAsync(j => j.Id == jobId));
        (job.Status, job.Done, job.Refused, job.Remaining).ShouldBe((PortalAccessJobStatus.Cancelled, 500, 0, 100));
        var outcomes = await factory.WithDbAsync(db => db.PortalAccessJobItems.Where(i => i.JobId == jobId)
            .GroupBy(i => i.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        outcomes.ShouldBe(new Dictionary<PortalAccessJobOutcome, int> { [PortalAccessJobOutcome.Done] = 500, [PortalAccessJobOutcome.Cancelled] = 100 });
        (await factory.WithDbAsync(db => db.PortalUsers.CountAsync(u => u.Login.EndsWith("@canceljob.example")))).ShouldBe(500);
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress.EndsWith("@canceljob.example")))).ShouldBe(500);
        (await admin.GetAsync("/admin/activity")).Text.ShouldContain("Bulk grant: 500 done, 0 refused, 100 cancelled of 600");

        var again = await admin.SubmitAsync(running, "Yes, cancel the job");
        again.Text.ShouldContain("This job has already finished.");
    }
}

/// <summary>The job pages and the smaller jobs, on a portal whose outbox the thousands of mails above don't hold up.</summary>
public sealed class BulkAccessJobPageTests(JobsFactory factory) : IClassFixture<JobsFactory>
{
    [Fact]
    public async Task Revoking_all_matching_contacts_ends_their_sessions_and_refuses_those_without_access()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Revokeall Active", "active@revokeall.example");
        await factory.SeedContactsAsync([("Revokeall Never", "never@revokeall.example")]);
        (await customer.GetAsync("/my")).Path.ShouldBe("/my");

        var jobId = await admin.StartJobAsync("Revoke", "revokeall");
        await factory.RunJobsToEndAsync();

        (await factory.RefusalsAsync(jobId)).ShouldBe(new Dictionary<string, int> { [DomainErrors.AccessNotGranted.Code] = 1 });
        (await customer.GetAsync("/my")).Path.ShouldBe("/account/sign-in");
        (await factory.WithDbAsync(db => db.PortalUsers.SingleAsync(u => u.Login == "active@revokeall.example"))).State
            .ShouldBe(PortalAccessState.Revoked);
    }

    [Fact]
    public async Task The_confirmation_states_the_number_and_the_revoke_warning()
    {
        using var admin = await factory.SignedInAdminAsync();
        await factory.SeedContactsAsync(Enumerable.Range(0, 7).Select(i => ($"Confirmcount {i}", (string?)$"k{i}@confirmcount.example")));
        var grant = await admin.GetAsync("/admin/portal-access/jobs/new?kind=Grant&q=confirmcount&access=All");
        grant.Document.QuerySelector("#job-count")!.TextContent.ShouldContain("7 contacts will be granted portal access");
        grant.Text.ShouldContain("Search: confirmcount");
        var revoke = await admin.GetAsync("/admin/portal-access/jobs/new?kind=Revoke&q=confirmcount&access=All");
        revoke.Text.ShouldContain("Every session of these customers ends");
        revoke.Document.QuerySelector("textarea").ShouldBeNull();
    }

    [Fact]
    public async Task Staff_who_may_not_manage_portal_access_get_403_from_every_job_page()
    {
        var (readOnly, _) = await factory.SignedInColleagueAsync("reader@jobs.example", "Rita Reader", StaffRole.ReadOnly);
        foreach (var url in new[] { "/admin/portal-access/jobs", "/admin/portal-access/jobs/new?kind=Grant", "/admin/portal-access/jobs/1",
                     "/admin/portal-access/jobs/1?handler=Progress", "/admin/portal-access/jobs/1?handler=Csv" })
            (await readOnly.Client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        var list = await readOnly.GetAsync("/admin/contacts");
        list.Text.ShouldNotContain("Grant portal access to all");
    }

    [Fact]
    public async Task The_job_page_its_progress_json_and_its_results_csv_tell_done_from_refused()
    {
        using var admin = await factory.SignedInAdminAsync();
        await factory.SeedContactsAsync([("Jobpage Anna", "anna@jobpage.example"), ("Jobpage Bert", "=HYPERLINK(\"x\")"),
            ("=Jobpage Evil", "evil@jobpage.example")]);
        var jobId = await admin.StartJobAsync("Grant", "jobpage");

        var queued = await admin.GetAsync($"/admin/portal-access/jobs/{jobId}");
        queued.Document.QuerySelector("progress")!.GetAttribute("value").ShouldBe("0");
        queued.Document.QuerySelector("#job-refresh").ShouldNotBeNull();
        queued.Document.QuerySelector("script[src^='/js/job-progress']").ShouldNotBeNull();
        queued.Document.QuerySelectorAll("script:not([src])").Length.ShouldBe(0);

        await factory.RunJobsToEndAsync();
        await factory.DispatchMailNowAsync();
        var json = await Eventually.HoldsAsync(() => admin.Client.GetStringAsync($"/admin/portal-access/jobs/{jobId}?handler=Progress"),
            body => body.Contains("2 sent, 0 waiting, 0 failed", StringComparison.Ordinal), "the job's mails to be sent");
        using var progress = JsonDocument.Parse(json);
        progress.RootElement.GetProperty("total").GetInt32().ShouldBe(3);
        progress.RootElement.GetProperty("done").GetInt32().ShouldBe(2);
        progress.RootElement.GetProperty("refused").GetInt32().ShouldBe(1);
        progress.RootElement.GetProperty("remaining").GetInt32().ShouldBe(0);
        progress.RootElement.GetProperty("finished").GetBoolean().ShouldBeTrue();

        var finished = await admin.GetAsync($"/admin/portal-access/jobs/{jobId}");
        finished.Text.ShouldContain("2 sent, 0 waiting, 0 failed");
        finished.Document.QuerySelectorAll("#job-results tbody tr").Length.ShouldBe(3);
        var done = await admin.GetAsync($"/admin/portal-access/jobs/{jobId}?show=Done");
        done.Document.QuerySelectorAll("#job-results tbody tr").Length.ShouldBe(2);

        var csvResponse = await admin.Client.GetAsync($"/admin/portal-access/jobs/{jobId}?handler=Csv&show=All");
        csvResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        csv.ShouldContain("Jobpage Anna,anna@jobpage.example,Done,");
        csv.ShouldContain("The contact has no valid e-mail address.");
        csv.ShouldContain("'=HYPERLINK");
        csv.ShouldContain("'=Jobpage Evil");
    }

    [Fact]
    public async Task An_import_with_the_grant_option_grants_access_to_exactly_its_new_and_updated_people_and_shows_the_job()
    {
        using var admin = await factory.SignedInAdminAsync();
        var first = await admin.UploadCsvAsync("""
            Name;E-mail;City
            Importgrant Same;same@importgrant.example;Bonn
            Importgrant Moved;moved@importgrant.example;Bonn
            Importgrant Other;other@importgrant.example;Bonn

            """);
        await admin.ConfirmImportAsync(first);
        var second = await admin.UploadCsvAsync("""
            Name;E-mail;City
            Importgrant Same;same@importgrant.example;Bonn
            Importgrant Moved;moved@importgrant.example;Köln
            Importgrant New;new@importgrant.example;Köln

            """, "second.csv");
        (second.Count("new"), second.Count("updated"), second.Count("unchanged")).ShouldBe((1, 1, 1));

        var job = await admin.SubmitAsync(second, buttonSelector: ContactImportSteps.ConfirmButton,
            fields: new Dictionary<string, string?> { ["GrantAccess"] = "true", ["WelcomeMessage"] = "Willkommen im Portal!" });

        job.Path.ShouldStartWith("/admin/portal-access/jobs/");
        job.Text.ShouldContain("Imported from second.csv");
        await factory.RunJobsToEndAsync();
        var granted = await factory.WithDbAsync(db => db.PortalUsers.Where(u => u.Login.EndsWith("@importgrant.example"))
            .Select(u => u.Login).OrderBy(l => l).ToListAsync());
        granted.ShouldBe(["moved@importgrant.example", "new@importgrant.example"]);
        var mail = await factory.WithDbAsync(db => db.OutboxMessages.FirstAsync(m => m.ToAddress == "new@importgrant.example"));
        mail.TextBody.ShouldContain("Willkommen im Portal!");
        var finished = await admin.GetAsync(job.Path);
        finished.Document.QuerySelectorAll("#job-results tbody tr").Length.ShouldBe(2);
    }
}
