using Portal.Application.Common;
using Portal.Application.CompanyAccounts;

namespace Portal.UnitTests.Architecture;

/// <summary>
/// Customer-side requests of a company administrator declare what they need, like the staff's do: the pipeline checks the
/// role and the colleague's company only for requests that say so, so a request that forgets would be open to everyone.
/// </summary>
public sealed class CompanyAdministratorConventionTests
{
    private static readonly string CustomerSideFolder = typeof(GetMyCompany).Namespace!;

    private static IReadOnlyList<Type> CustomerSideRequests { get; } =
        StaffPermissionConventionTests.Requests.Where(t => t.Namespace == CustomerSideFolder).ToList();

    [Fact]
    public void Every_request_in_the_company_accounts_folder_requires_a_company_administrator()
    {
        CustomerSideRequests.ShouldNotBeEmpty("the scan found no customer-side requests");
        CustomerSideRequests.Where(t => !RequiresCompanyAdministratorAttribute.IsOn(t)).Select(t => t.Name)
            .ShouldBeEmpty("these customer-side requests don't declare [RequiresCompanyAdministrator]");
    }

    [Fact]
    public void A_request_requires_a_company_administrator_exactly_when_it_is_a_company_administrator_request()
    {
        StaffPermissionConventionTests.Requests
            .Where(t => RequiresCompanyAdministratorAttribute.IsOn(t) != typeof(ICompanyAdministratorRequest).IsAssignableFrom(t))
            .Select(t => t.Name)
            .ShouldBeEmpty(
                "the company administrator check wraps only ICompanyAdministratorRequests, so the attribute and the interface go together");
    }

    [Fact]
    public void A_request_that_names_a_person_lets_the_pipeline_check_the_person_is_a_colleague()
    {
        var namesAPerson = StaffPermissionConventionTests.Requests
            .Where(RequiresCompanyAdministratorAttribute.IsOn)
            .Where(t => t.GetProperties().Any(p => p.PropertyType == typeof(int)
                && (p.Name.EndsWith("ContactId", StringComparison.Ordinal) || p.Name.EndsWith("ColleagueId", StringComparison.Ordinal)
                    || p.Name.EndsWith("PersonId", StringComparison.Ordinal))));

        namesAPerson.Where(t => !typeof(ICompanyColleagueRequest).IsAssignableFrom(t)).Select(t => t.Name)
            .ShouldBeEmpty("these requests name a person but are not ICompanyColleagueRequest");
    }

    [Fact]
    public void No_request_is_both_a_staff_and_a_company_administrator_request()
    {
        StaffPermissionConventionTests.Requests
            .Where(t => RequiresCompanyAdministratorAttribute.IsOn(t) && RequiredPermission.Of(t) is not null)
            .Select(t => t.Name)
            .ShouldBeEmpty();
    }

    [Fact]
    public void Company_administrator_requests_live_in_the_company_accounts_folder()
    {
        StaffPermissionConventionTests.Requests
            .Where(t => RequiresCompanyAdministratorAttribute.IsOn(t) && t.Namespace != CustomerSideFolder)
            .Select(t => t.FullName)
            .ShouldBeEmpty();
    }
}
