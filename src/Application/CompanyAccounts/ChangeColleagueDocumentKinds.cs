using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Documents;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// A company administrator chooses what a colleague sees of the company's documents: all of them, or only the kinds in
/// <paramref name="Kinds"/> (none at all is a choice too). The colleague's own documents stay visible to them.
/// </summary>
[RequiresCompanyAdministrator]
public sealed record ChangeColleagueDocumentKinds(int ColleagueId, bool AllKinds, IReadOnlyList<DocumentKind> Kinds)
    : ICompanyAdministratorRequest, IRequest<Unit>, ICompanyColleagueRequest
{
    public DocumentKindSet Choice => AllKinds ? DocumentKindSet.All : DocumentKindSet.Of(Kinds);
}

public sealed class ChangeColleagueDocumentKindsValidator : AbstractValidator<ChangeColleagueDocumentKinds>
{
    public ChangeColleagueDocumentKindsValidator()
    {
        RuleForEach(c => c.Kinds).IsInEnum().WithMessage("Please choose among the document kinds shown.");
    }
}

public sealed class ChangeColleagueDocumentKindsHandler(
    CompanyAdministrations administrations,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ChangeColleagueDocumentKinds, Unit>
{
    public async ValueTask<Unit> Handle(ChangeColleagueDocumentKinds command, CancellationToken cancellationToken)
    {
        var (administration, colleague) = await administrations.ForAsync(command.ColleagueId, cancellationToken);
        administration.ChangeDocumentKinds(colleague, command.Choice, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
