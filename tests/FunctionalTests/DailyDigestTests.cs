using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Staff;
using Portal.Domain.Mail;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.PortalAccess;

namespace Portal.FunctionalTests;

/// <summary>
/// The daily digest of invitations that need attention, through the real worker, outbox and SMTP server: who asks for it on
/// My security, who gets it, in which language, and that it goes out once a day even with two instances on one database.
/// The portal starts on 29 November 2026 at 09:00 UTC, after the digest's hour (7, UTC): its first round records that day,
/// when nobody has asked for the digest yet, so each test works with the next day.
/// </summary>
public sealed class DailyDigestTests : IAsyncLifetime
{
    private const string Gerda = "gerda.manager@contoso.example";
    private const string Olaf = "olaf.optedout@contoso.example";
    private const string Rudi = "rudi.reader@contoso.example";
    private const string Dora = "dora.deactivated@contoso.example";
    private static readonly DateTimeOffset NextMorning = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    private readonly PortalFactory _factory = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_factory).InitializeAsync();
        await FirstDayRecordedAsync(_factory);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    private static Task FirstDayRecordedAsync(PortalFactory factory) =>
        Eventually.HoldsAsync(() => factory.WithDbAsync(db => db.DailyDigestRuns.CountAsync()), runs => runs == 1,
            "the first round to record the day the portal started");

    private static async Task<Page> ChooseDigestAsync(PortalBrowser colleague, bool receive, string button = "Save digest choice") =>
        await colleague.SubmitAsync(await colleague.GetAsync("/admin/account"), button,
            new Dictionary<string, string?> { ["DailyDigest"] = receive ? "true" : "false" });

    private static async Task AllMailSentAsync(PortalFactory factory) =>
        await Eventually.HoldsAsync(() => factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)),
            pending => pending == 0, "every queued mail to be sent");

    private static Task<int> DigestsToAsync(PortalFactory factory, string address) =>
        factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == address && m.Subject.Contains("Contoso Trading")
            && (m.Subject.StartsWith("Invitations that need attention") || m.Subject.StartsWith("Einladungen, die Aufmerksamkeit"))));

    /// <summary>An expired invitation (Erika), one that ends within 48 hours (Sven), and one whose mail was refused (Fiona).</summary>
    private static async Task<(int Erika, int Sven, int Fiona)> InvitationsNeedingAttentionAsync(PortalFactory factory, PortalBrowser admin)
    {
        const string fiona = "fiona.failed@example.com";
        factory.Smtp.RefuseRecipient(fiona);
        var erika = await admin.CreateContactAsync("Erika Expired", "erika.expired@example.com");
        var sven = await admin.CreateContactAsync("Sven Soon", "sven.soon@example.com");
        var fionaId = await admin.CreateContactAsync("Fiona Failed", fiona);
        foreach (var id in new[] { erika, sven, fionaId }) await admin.GrantAsync(id);
        await factory.MoveAccessBackAsync(erika, TimeSpan.FromDays(8));
        await factory.MoveAccessBackAsync(sven, TimeSpan.FromDays(6));
        await Eventually.HoldsAsync(() => factory.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == fiona)),
            m => m.Status == OutboxStatus.Failed, "the refused invitation mail to fail");
        return (erika, sven, fionaId);
    }

    [Fact]
    public async Task Colleagues_who_asked_get_the_day_s_digest_in_their_language_and_nobody_else_does()
    {
        using var admin = await _factory.SignedInAdminAsync();
        var (gerda, _) = await _factory.SignedInColleagueAsync(Gerda, "Gerda Manager", StaffRole.PortalManager);
        var (olaf, _) = await _factory.SignedInColleagueAsync(Olaf, "Olaf Optedout", StaffRole.PortalManager);
        var (rudi, _) = await _factory.SignedInColleagueAsync(Rudi, "Rudi Reader", StaffRole.ReadOnly);
        var (dora, doraId) = await _factory.SignedInColleagueAsync(Dora, "Dora Deactivated", StaffRole.PortalManager);
        using var _1 = gerda;
        using var _2 = olaf;
        using var _3 = rudi;
        using var _4 = dora;

        // Gerda chooses German, then asks for the digest on the German page.
        var german = await gerda.SubmitAsync(await gerda.GetAsync("/admin/account"), "Save language",
            new Dictionary<string, string?> { ["Language"] = "de" });
        german.Document.QuerySelector("#digest-heading")!.TextContent.ShouldBe("Tägliche Übersicht");
        (await ChooseDigestAsync(gerda, true, "Auswahl speichern")).Text.ShouldContain("Sie erhalten ab jetzt die tägliche Übersicht.");
        ((AngleSharp.Html.Dom.IHtmlInputElement)(await gerda.GetAsync("/admin/account")).Document.QuerySelector("#daily-digest-choice")!)
            .IsChecked.ShouldBeTrue();
        (await ChooseDigestAsync(admin, true)).Text.ShouldContain("You will receive the daily digest.");
        (await ChooseDigestAsync(olaf, true)).Text.ShouldContain("You will receive the daily digest.");
        (await ChooseDigestAsync(olaf, false)).Text.ShouldContain("You will no longer receive the daily digest.");
        (await ChooseDigestAsync(dora, true)).Text.ShouldContain("You will receive the daily digest.");
        await _factory.SendAsAsync(await _factory.AdministratorIdAsync(), new DeactivateStaffMember(doraId));

        // A read-only colleague is told what the digest is for and has no choice to make; posting it anyway is refused there.
        var readOnly = await rudi.GetAsync("/admin/account");
        readOnly.Document.QuerySelector("#daily-digest-choice").ShouldBeNull();
        readOnly.Document.QuerySelector("[data-testid=daily-digest]")!.TextContent
            .ShouldContain("The daily digest is for colleagues who manage portal access.");
        var token = readOnly.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value");
        var forced = await rudi.SubmitAsync(german, "Auswahl speichern",
            new Dictionary<string, string?> { ["DailyDigest"] = "true", ["__RequestVerificationToken"] = token });
        forced.Status.ShouldBe(HttpStatusCode.OK);
        forced.Document.QuerySelector("#daily-digest-error")!.TextContent.ShouldContain("for colleagues who manage portal access");
        (await _factory.WithDbAsync(db => db.InternalUsers.Where(u => u.Login == Rudi).Select(u => u.DailyDigest).SingleAsync()))
            .ShouldBeFalse();

        var (erika, sven, fiona) = await InvitationsNeedingAttentionAsync(_factory, admin);
        var erikaEnded = await _factory.WithDbAsync(db => db.Invitations.Where(i => i.PortalUser.ContactId == erika)
            .Select(i => i.ExpiresAt).SingleAsync());

        _factory.Clock.SetUtcNow(NextMorning.AddMinutes(-1));
        var worker = _factory.Services.GetRequiredService<DailyDigestWorker>();
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBeNull("before 07:00");
        _factory.Clock.SetUtcNow(NextMorning);
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(2);
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBeNull("once a day");
        await AllMailSentAsync(_factory);

        var toGerda = (await _factory.Smtp.WaitForAsync(Gerda)).Single();
        toGerda.Subject.ShouldBe("Einladungen, die Aufmerksamkeit brauchen, im Kundenportal von Contoso Trading, 30. November 2026");
        var text = toGerda.TextBody ?? "";
        text.ShouldContain("Einladungs-E-Mail fehlgeschlagen: 1");
        text.ShouldContain("Einladungen abgelaufen: 1");
        text.ShouldContain("Einladungen, die in 48 Stunden ablaufen: 1");
        text.ShouldContain($"Erika Expired <erika.expired@example.com> (abgelaufen am {erikaEnded.ToString("f", CultureInfo.GetCultureInfo("de-DE"))} UTC)");
        text.IndexOf("Fiona Failed", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Erika Expired", StringComparison.Ordinal),
            "failed mail first, then expired, then expiring");
        text.IndexOf("Erika Expired", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Sven Soon", StringComparison.Ordinal));
        var html = toGerda.HtmlBody ?? "";
        foreach (var id in new[] { erika, sven, fiona })
            html.ShouldContain($"href=\"{PortalFactory.PublicBaseUrl}/admin/contacts/{id}\"");
        foreach (var filter in new[] { "InvitationMailFailed", "InvitationExpired", "InvitationExpiringSoon" })
            html.ShouldContain($"href=\"{PortalFactory.PublicBaseUrl}/admin/contacts?access={filter}\"");
        html.ShouldContain($"href=\"{PortalFactory.PublicBaseUrl}/admin/account#daily-digest\"");

        var toAdmin = (await _factory.Smtp.WaitForAsync(PortalFactory.AdminEmail)).Single(m => (m.Subject ?? "").StartsWith("Invitations"));
        toAdmin.Subject.ShouldBe("Invitations that need attention in the Contoso Trading customer portal, 30 November 2026");
        (toAdmin.TextBody ?? "").ShouldContain("Invitations expired: 1");
        (toAdmin.TextBody ?? "").ShouldContain("Stop the daily digest on My security");
        foreach (var nobody in new[] { Olaf, Rudi, Dora }) _factory.Smtp.To(nobody).ShouldBeEmpty(nobody);

        // The link in the mail leads to the choice; Gerda stops the digest there, and the next day only the administrator gets it.
        // A day on, her session has ended: the link leads through the sign-in page to the choice.
        var signIn = await gerda.GetAsync("/admin/account#daily-digest");
        signIn.Path.ShouldBe("/account/sign-in");
        var choice = await gerda.SubmitAsync(signIn, buttonSelector: "main form button[type=submit]",
            fields: new Dictionary<string, string?> { ["Input.Email"] = Gerda, ["Input.Password"] = StaffFlows.StaffPassword });
        choice.Path.ShouldBe("/admin/account");
        choice.Document.QuerySelector("#daily-digest-choice").ShouldNotBeNull();
        (await ChooseDigestAsync(gerda, false, "Auswahl speichern")).Text.ShouldContain("Sie erhalten die tägliche Übersicht nicht mehr.");
        _factory.Clock.SetUtcNow(NextMorning.AddDays(1));
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(1);
        await AllMailSentAsync(_factory);
        (await DigestsToAsync(_factory, Gerda)).ShouldBe(1);
        (await DigestsToAsync(_factory, PortalFactory.AdminEmail)).ShouldBe(2);
    }

    [Fact]
    public async Task A_day_with_nothing_that_needs_attention_sends_no_digest()
    {
        using var admin = await _factory.SignedInAdminAsync();
        (await ChooseDigestAsync(admin, true)).Text.ShouldContain("You will receive the daily digest.");
        var accepted = await admin.CreateContactAsync("Anna Accepted", "anna.accepted@example.com");
        await admin.GrantAsync(accepted);
        using var anna = _factory.NewBrowser();
        (await anna.AcceptInvitationAsync(await _factory.LatestInvitationPathAsync("anna.accepted@example.com"))).Path.ShouldBe("/my");

        _factory.Clock.SetUtcNow(NextMorning);
        (await _factory.Services.GetRequiredService<DailyDigestWorker>().RunOnceAsync(CancellationToken.None)).ShouldBe(0);
        await AllMailSentAsync(_factory);

        (await DigestsToAsync(_factory, PortalFactory.AdminEmail)).ShouldBe(0);
        (await _factory.WithDbAsync(db => db.DailyDigestRuns.CountAsync())).ShouldBe(2, "the empty day counts as done");
    }

    [Fact]
    public async Task Two_instances_on_one_database_send_each_colleague_one_digest_a_day()
    {
        var second = PortalFactory.SecondInstanceOf(_factory);
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            using var admin = await _factory.SignedInAdminAsync();
            (await ChooseDigestAsync(admin, true)).Text.ShouldContain("You will receive the daily digest.");
            var (gerda, _) = await _factory.SignedInColleagueAsync(Gerda, "Gerda Manager", StaffRole.PortalManager);
            using var _1 = gerda;
            await ChooseDigestAsync(gerda, true);
            await InvitationsNeedingAttentionAsync(_factory, admin);

            _factory.Clock.SetUtcNow(NextMorning);
            var workers = new[] { _factory, second }.Select(f => f.Services.GetRequiredService<DailyDigestWorker>()).ToList();
            var first = await Task.WhenAll(workers.Select(w => w.RunOnceAsync(CancellationToken.None)));
            // Sent before the clock moves on: an hour's jump would also end the dispatcher's claim on mail still being sent.
            await AllMailSentAsync(_factory);
            // Past the lease: the other instance may take it now, and finds the day done.
            _factory.Clock.Advance(TimeSpan.FromHours(1));
            var again = await Task.WhenAll(workers.AsEnumerable().Reverse().Select(w => w.RunOnceAsync(CancellationToken.None)));

            first.Count(sent => sent == 2).ShouldBe(1, "one instance sends the day's digest");
            again.ShouldAllBe(sent => sent == null);
            await AllMailSentAsync(_factory);
            (await DigestsToAsync(_factory, Gerda)).ShouldBe(1);
            (await DigestsToAsync(_factory, PortalFactory.AdminEmail)).ShouldBe(1);
            _factory.Smtp.To(Gerda).Count.ShouldBe(1);
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }
}
