using Ardalis.Specification;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;

namespace Portal.Application.MySecurity;

/// <summary>
/// The customer closes their own account: after the password is re-entered, portal access is revoked by the very
/// move an admin uses (data kept, links void, password cleared, every session ends), with the customer's login as
/// the actor so the contact's history shows who did it. A notice mail goes out.
/// </summary>
public sealed record CloseMyAccount(string CurrentPassword) : IRequest<Unit>, IReentersCurrentPassword;

public sealed class CloseMyAccountValidator : AbstractValidator<CloseMyAccount>
{
    public CloseMyAccountValidator() =>
        RuleFor(c => c.CurrentPassword).EnteredAsCurrentPassword();
}

public sealed class CloseMyAccountHandler(
    IRepository<Contact> contacts,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CloseMyAccount, Unit>
{
    public async ValueTask<Unit> Handle(CloseMyAccount command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new MyContactToCloseSpec(currentUser.UserId ?? 0), cancellationToken)
            ?? throw new NotFoundException("Portal user");

        contact.ClosePortalAccount(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The signed-in customer's contact with everything a revoke clears; only an active user is found.</summary>
public sealed class MyContactToCloseSpec : Specification<Contact>, ISingleResultSpecification<Contact>
{
    public MyContactToCloseSpec(int userId) =>
        Query.Where(c => c.PortalUser != null && c.PortalUser.Id == userId && c.PortalUser.State == PortalAccessState.Active)
            .Include(c => c.PortalUser!).ThenInclude(u => u.Invitations)
            .Include(c => c.PortalUser!).ThenInclude(u => u.History)
            .Include(c => c.PortalUser!).ThenInclude(u => u.Tokens)
            .Include(c => c.PortalUser!).ThenInclude(u => u.RecoveryCodes)
            .AsSplitQuery();
}
