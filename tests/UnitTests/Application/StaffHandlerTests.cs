using Microsoft.EntityFrameworkCore;
using Portal.Application.Settings;
using Portal.Application.Staff;
using Portal.Domain.Common;
using Portal.Domain.Mail;
using Portal.Domain.Settings;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class StaffHandlerTests : HandlerTest
{
    private readonly FakePortalSettings _settings = WithInvitationValidity(TimeSpan.FromHours(48));
    private readonly RecordingStaffMails _staffMails = new();

    private StaffInvitationOutbox OutboxFor(Request r) => new(r.Repository<OutboxMessage>(), _staffMails, Tokens, _settings, CurrentUser);

    private InviteStaffMemberHandler InviteHandler(Request r) => new(r.Repository<InternalUser>(), r.Logins, OutboxFor(r), CurrentUser, r.UnitOfWork, Clock);

    private ChangeStaffRoleHandler ChangeRoleHandler(Request r) => new(r.Repository<InternalUser>(), CurrentUser, r.UnitOfWork, Clock);

    private DeactivateStaffMemberHandler DeactivateHandler(Request r) => new(r.Repository<InternalUser>(), CurrentUser, r.UnitOfWork, Clock);

    private async Task<int> AddAdministratorAsync(string email) => await AddInternalUserAsync(email, email, "Quiet-Lighthouse-Orchard-77");

    [Fact]
    public async Task Inviting_stores_only_the_token_hash_uses_the_configured_validity_and_queues_the_mail_in_the_same_commit()
    {
        using var r = NewRequest();

        var id = await InviteHandler(r).Handle(new InviteStaffMember(" Nora.New@Portal.example ", "Nora New", StaffRole.PortalManager, "de"), CancellationToken.None);

        r.UnitOfWork.Commits.ShouldBe(1);
        var issued = Tokens.Issued.Single();
        var user = await ReadAsync(db => db.InternalUsers.AsNoTracking().Include(u => u.Tokens).SingleAsync(u => u.Id == id));
        user.Login.ShouldBe("nora.new@portal.example");
        user.Status.ShouldBe(StaffStatus.Invited);
        var link = user.Tokens.Single();
        link.TokenHash.ShouldBe(issued.Hash);
        link.TokenHash.ShouldNotBe(issued.Token);
        link.ExpiresAt.ShouldBe(Start + TimeSpan.FromHours(48));
        var mail = _staffMails.Composed.Single();
        mail.Token.ShouldBe(issued.Token);
        mail.Language.ShouldBe("de");
        mail.Role.ShouldBe(StaffRole.PortalManager);
        (await ReadAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "nora.new@portal.example"))).ShouldBe(1);
    }

    [Fact]
    public async Task Inviting_a_customers_login_is_refused_and_stores_nothing()
    {
        var contactId = await AddPersonAsync("Carl Customer", "carl@example.com");
        await SeedGrantAsync(contactId);
        using var r = NewRequest();

        var refusal = await Should.ThrowAsync<DomainException>(() =>
            InviteHandler(r).Handle(new InviteStaffMember("CARL@example.com", "Carl Staff", StaffRole.ReadOnly, null), CancellationToken.None).AsTask());

        refusal.Error.ShouldBe(DomainErrors.EmailUsedByAnotherUser);
        (await ReadAsync(db => db.InternalUsers.CountAsync())).ShouldBe(0);
        _staffMails.Composed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_administrators_demoting_each_other_at_the_same_moment_clash_instead_of_leaving_none()
    {
        var first = await AddAdministratorAsync("first@portal.example");
        var second = await AddAdministratorAsync("second@portal.example");
        using var b = NewRequest();
        // B has read the second administrator and counted the first one as remaining, when A's demotion commits.
        var secondLoaded = (await b.Repository<InternalUser>().FirstOrDefaultAsync(new StaffMemberSpec(second)))!;
        var othersSeenByB = await b.Repository<InternalUser>().ListAsync(new OtherActiveAdministratorsSpec(second));
        othersSeenByB.Count.ShouldBe(1);

        using (var a = NewRequest()) await ChangeRoleHandler(a).Handle(new ChangeStaffRole(first, StaffRole.ReadOnly), CancellationToken.None);

        secondLoaded.ChangeRole(StaffRole.ReadOnly, othersSeenByB.Count, Start, "b");
        foreach (var other in othersSeenByB) other.CountAsRemainingAdministrator();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => b.UnitOfWork.SaveChangesAsync(CancellationToken.None));

        (await ReadAsync(db => db.InternalUsers.CountAsync(u => u.Role == StaffRole.Administrator && u.DeactivatedAt == null))).ShouldBe(1);
    }

    [Fact]
    public async Task After_one_administrator_was_demoted_the_other_is_the_last_and_stays_one()
    {
        var first = await AddAdministratorAsync("first@portal.example");
        var second = await AddAdministratorAsync("second@portal.example");
        using (var a = NewRequest()) await ChangeRoleHandler(a).Handle(new ChangeStaffRole(first, StaffRole.ReadOnly), CancellationToken.None);
        using var b = NewRequest();

        var refusal = await Should.ThrowAsync<DomainException>(() => DeactivateHandler(b).Handle(new DeactivateStaffMember(second), CancellationToken.None).AsTask());

        refusal.Error.ShouldBe(DomainErrors.LastAdministrator);
    }

    [Fact]
    public async Task Deactivating_is_refused_for_the_sender_themselves()
    {
        var first = await AddAdministratorAsync("first@portal.example");
        await AddAdministratorAsync("second@portal.example");
        CurrentUser.UserId = first;
        using var r = NewRequest();

        var refusal = await Should.ThrowAsync<DomainException>(() => DeactivateHandler(r).Handle(new DeactivateStaffMember(first), CancellationToken.None).AsTask());

        refusal.Error.ShouldBe(DomainErrors.StaffCannotDeactivateThemselves);
    }

    private static FakePortalSettings WithInvitationValidity(TimeSpan validity)
    {
        var settings = new FakePortalSettings();
        settings.Change(current => current with { InvitationValidityHours = (int)validity.TotalHours });
        return settings;
    }

    private sealed class RecordingStaffMails : IStaffInvitationMailComposer
    {
        public List<StaffInvitationMailContent> Composed { get; } = [];

        public ValueTask<OutboxMessage> ComposeAsync(StaffInvitationMailContent content, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Composed.Add(content);
            return ValueTask.FromResult(OutboxMessage.Compose(content.ToAddress, content.ToName, "Staff invitation", content.Token, content.Token, now));
        }
    }
}
