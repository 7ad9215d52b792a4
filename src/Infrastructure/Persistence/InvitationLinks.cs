using Microsoft.EntityFrameworkCore;
using Portal.Application.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Infrastructure.Persistence;

internal sealed class InvitationLinks(PortalDbContext db) : IInvitationLinks
{
    public IQueryable<Invitation> All => db.Invitations.AsNoTracking();
}
