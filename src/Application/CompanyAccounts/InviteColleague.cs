using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.PortalAccess;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Contacts;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// A company administrator invites a colleague: a person contact under the company, granted access like staff grant it, or,
/// with staff approval on, a request that waits for staff. Refused when switched off, too frequent, or the company is full.
/// </summary>
[RequiresCompanyAdministrator]
public sealed record InviteColleague(string? Name, string? Email, string? Language)
    : ICompanyAdministratorRequest, IRequest<ColleagueInvitationOutcome>;

public enum ColleagueInvitationOutcome
{
    Invited = 1,
    AwaitsApproval = 2,
}

public sealed class InviteColleagueValidator : AbstractValidator<InviteColleague>
{
    public InviteColleagueValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage(ContactValidation.NameRequired)
            .MaximumLength(Contact.NameMaxLength).WithMessage(ContactValidation.TooLong)
            .PlainName();
        RuleFor(c => c.Email).NotEmpty().WithMessage(ContactValidation.EmailInvalid)
            .ValidOptionalEmail()
            .MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong);
        RuleFor(c => c.Language).Must(language => language is not null && ContactDetails.SupportedLanguages.Contains(language))
            .WithMessage(ContactValidation.LanguageInvalid);
    }
}

public sealed class InviteColleagueHandler(
    CompanyAdministratorContext administrator,
    IRepository<Contact> contacts,
    IRepository<ColleagueRequest> requests,
    ColleagueInvitationLimits limits,
    InvitationTermsSource invitations,
    IUnitOfWork unitOfWork) : IRequestHandler<InviteColleague, ColleagueInvitationOutcome>
{
    public async ValueTask<ColleagueInvitationOutcome> Handle(InviteColleague command, CancellationToken cancellationToken)
    {
        var current = administrator.Current;
        var policy = await limits.EnsureAnotherInvitationAllowedAsync(current.CompanyId, cancellationToken);
        var company = await contacts.FirstOrDefaultAsync(new CompanyByIdSpec(current.CompanyId), cancellationToken)
            ?? throw new NotFoundException("Company");
        var requesterContact = await contacts.GetByIdAsync(current.ContactId, cancellationToken)
            ?? throw new NotFoundException("Company");
        var requester = new ColleagueRequester(current.UserId, current.Name, current.Login, requesterContact.PreferredLanguage);
        var grant = await invitations.ForNewColleagueAsync(command.Email, cancellationToken);

        var request = policy.NeedsStaffApproval
            ? ColleagueRequest.Submit(company, requester, command.Name!, command.Email, command.Language!, grant.Owner, grant.Now,
                grant.GrantedBy)
            : ColleagueRequest.Invite(company, requester, command.Name!, command.Email, command.Language!, grant);
        await requests.AddAsync(request, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return policy.NeedsStaffApproval ? ColleagueInvitationOutcome.AwaitsApproval : ColleagueInvitationOutcome.Invited;
    }
}
