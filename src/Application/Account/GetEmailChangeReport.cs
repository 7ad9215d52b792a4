using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>What the report page shows before anything is consumed: the change it is about, or why the link can't be used.</summary>
public sealed record GetEmailChangeReport(string Token) : IRequest<EmailChangeReportView>;

/// <remarks>The link went to the account's own address, so naming the address the change was for tells nobody new.</remarks>
public sealed record EmailChangeReportView(DomainError? Problem, string? NewEmail);

public sealed class GetEmailChangeReportHandler(IReadRepository<PortalUser> users, ITokenGenerator tokens, TimeProvider clock)
    : IRequestHandler<GetEmailChangeReport, EmailChangeReportView>
{
    public async ValueTask<EmailChangeReportView> Handle(GetEmailChangeReport query, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(query.Token);
        var user = await users.FirstOrDefaultAsync(new PortalUserByEmailChangeReportLinkSpec(hash), cancellationToken);
        return user?.UsableEmailChangeReport(hash, clock.GetUtcNow()) is { } report
            ? new EmailChangeReportView(null, report.NewEmail)
            : new EmailChangeReportView(DomainErrors.LinkInvalid, null);
    }
}

public sealed class PortalUserByEmailChangeReportLinkSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public PortalUserByEmailChangeReportLinkSpec(string tokenHash) =>
        Query.Where(u => u.Tokens.Any(t => t.Purpose == AccountTokenPurpose.EmailChangeReport && t.TokenHash == tokenHash))
            .Include(u => u.Contact)
            .Include(u => u.Tokens)
            .Include(u => u.History)
            .AsSplitQuery();
}
