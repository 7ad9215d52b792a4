namespace Portal.Application.Common;

/// <summary>
/// A customer-side request of a company administrator: only an active portal user who is their company's administrator
/// (read from the database on every request) may send it, and a person it names must belong to that company
/// (<see cref="ICompanyColleagueRequest"/>). Anyone else learns nothing: the answer is "not found".
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresCompanyAdministratorAttribute : Attribute
{
    public static bool IsOn(Type requestType) => Attribute.IsDefined(requestType, typeof(RequiresCompanyAdministratorAttribute), false);
}
