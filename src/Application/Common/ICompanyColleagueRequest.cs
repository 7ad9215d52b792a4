namespace Portal.Application.Common;

/// <summary>A company administrator's request about one person: the pipeline checks the person is in the administrator's company.</summary>
public interface ICompanyColleagueRequest
{
    int ColleagueId { get; }
}
