namespace Portal.Application.Common;

/// <summary>
/// A company administrator's request, which also carries <see cref="RequiresCompanyAdministratorAttribute"/>: the
/// company administrator check (<c>CompanyAdministratorBehavior</c>) wraps only these. A convention test holds the
/// interface and the attribute together.
/// </summary>
public interface ICompanyAdministratorRequest;
