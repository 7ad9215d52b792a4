using Portal.Application.Common;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// Carries the checked administrator from <see cref="CompanyAdministratorBehavior{TMessage,TResponse}"/> to the handler of the
/// same request, so the handler acts for the company the check found and never for one a form names.
/// </summary>
public sealed class CompanyAdministratorContext
{
    private CompanyAdministrator? _current;

    public CompanyAdministrator Current =>
        _current ?? throw new InvalidOperationException("The request carries no [RequiresCompanyAdministrator].");

    internal void Set(CompanyAdministrator administrator) => _current = administrator;
}
