using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>What the web layer needs to issue a session: whose, which kind, and the stamp that can end it.</summary>
public sealed record SignedInUser(int UserId, UserKind Kind, string Login, string DisplayName, string SecurityStamp, string Language)
{
    public static SignedInUser From(UserAccount user) => user switch
    {
        PortalUser portal => new(portal.Id, UserKind.Portal, portal.Login, portal.Contact.Name, portal.SecurityStamp,
            portal.Contact.PreferredLanguage),
        InternalUser staff => new(staff.Id, UserKind.Internal, staff.Login, staff.DisplayName, staff.SecurityStamp, "en"),
        _ => throw new InvalidOperationException($"Unknown user kind {user.GetType().Name}."),
    };
}
