using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Application.MyAccount;

/// <summary>The customer edits their own details. The e-mail is the login and is not part of this form.</summary>
public sealed record UpdateMyDetails(ContactDetails Details) : IRequest<Unit>;

public sealed class UpdateMyDetailsValidator : AbstractValidator<UpdateMyDetails>
{
    public UpdateMyDetailsValidator() => this.AddDetailRules(c => c.Details);
}

public sealed class UpdateMyDetailsHandler(
    IRepository<PortalUser> users,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
    : IRequestHandler<UpdateMyDetails, Unit>
{
    public async ValueTask<Unit> Handle(UpdateMyDetails command, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new NotFoundException("Portal user");
        var user = await users.FirstOrDefaultAsync(new MyContactSpec(userId), cancellationToken)
            ?? throw new NotFoundException("Portal user");
        var details = command.Details;
        // A person linked to a company record shows that company's name; the free-text field is for everyone else.
        if (user.Contact.Company is not null) details = details with { CompanyName = null };
        user.Contact.UpdateDetails(details, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
