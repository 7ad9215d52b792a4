using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Mail;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>Issues a staff invitation link's token and puts its e-mail into the outbox, in the same unit of work.</summary>
public sealed class StaffInvitationOutbox(
    IRepository<OutboxMessage> outbox,
    IStaffInvitationMailComposer mails,
    ITokenGenerator tokens,
    IPortalSettings settings,
    ICurrentUser currentUser)
{
    public const string DefaultLanguage = "en";

    public static bool IsLanguage(string? language) => language is "en" or "de";

    /// <summary>A fresh token and how long it works; only the hash goes to the account.</summary>
    public async Task<(IssuedToken Token, TimeSpan Validity)> NewLinkAsync(CancellationToken cancellationToken)
    {
        var current = await settings.CurrentAsync(cancellationToken);
        return (tokens.Create(), current.InvitationValidity);
    }

    public async Task QueueAsync(InternalUser user, AccountToken link, string token, string? language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var content = new StaffInvitationMailContent(
            user.Login, user.DisplayName, IsLanguage(language) ? language! : DefaultLanguage, token, link.ExpiresAt, currentUser.ActorName, user.Role);
        await outbox.AddAsync(await mails.ComposeAsync(content, now, cancellationToken), cancellationToken);
    }
}
