namespace Portal.Application.PortalAccess;

public sealed class InvitationOptions
{
    public const string Section = "Portal:Invitations";

    /// <summary>How long an invitation link works. Default 7 days.</summary>
    public TimeSpan Validity { get; set; } = Domain.PortalAccess.Invitation.DefaultValidity;
}
