using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Common.Csv;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess.Jobs;

public enum JobResultFilter { All, Done, Refused }

/// <summary>A job's rows with their outcome, a page at a time in row order, all or only the done or the refused ones.</summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record ListPortalAccessJobResults(int JobId, JobResultFilter Filter = JobResultFilter.All, PageRequest? Paging = null)
    : IStaffRequest, IRequest<KeysetPage<JobResultRow>>
{
    public const int PageSize = 50;
}

public sealed record JobResultRow(long Id, int ContactId, string Name, string? Email, PortalAccessJobOutcome Outcome, string? Reason);

public sealed class ListPortalAccessJobResultsHandler(IReadRepository<PortalAccessJobItem> items, IListCounter counter)
    : IRequestHandler<ListPortalAccessJobResults, KeysetPage<JobResultRow>>
{
    public async ValueTask<KeysetPage<JobResultRow>> Handle(ListPortalAccessJobResults query, CancellationToken cancellationToken) =>
        await items.KeysetPageAsync(JobResultsSpec.Order, query.Paging ?? PageRequest.First, ListPortalAccessJobResults.PageSize,
            position => new JobResultsSpec(query.JobId, query.Filter, position, ListPortalAccessJobResults.PageSize + 1), counter,
            query.Filter != JobResultFilter.All, cancellationToken);
}

/// <summary>The index (JobId, Outcome, Id) serves both the filter and the order.</summary>
public sealed class JobResultsSpec : Specification<PortalAccessJobItem, JobResultRow>
{
    public static KeysetOrder<PortalAccessJobItem, JobResultRow> Order { get; } =
        new KeysetOrder<PortalAccessJobItem, JobResultRow>("job-results", descending: false).By(i => i.Id, r => r.Id);

    public JobResultsSpec(int jobId, JobResultFilter filter, KeysetPosition? position = null, int? take = null)
    {
        Query.AsNoTracking().Where(i => i.JobId == jobId);
        switch (filter)
        {
            case JobResultFilter.Done: Query.Where(i => i.Outcome == PortalAccessJobOutcome.Done); break;
            case JobResultFilter.Refused: Query.Where(i => i.Outcome == PortalAccessJobOutcome.Refused); break;
        }
        if (position is not null && take is { } count) Order.Apply(Query, position, count);
        else Query.OrderBy(i => i.Id);
        Query.Select(i => new JobResultRow(i.Id, i.ContactId, i.Contact.Name, i.Contact.Email, i.Outcome, i.Reason));
    }
}

/// <summary>Every row of a job (or only the done or refused ones) as CSV, in the words the page gives for the header and cells.</summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record ExportPortalAccessJobResults(
    int JobId,
    JobResultFilter Filter,
    IReadOnlyList<string> Header,
    Func<JobResultRow, IReadOnlyList<string?>> Cells) : IStaffRequest, IRequest<byte[]>;

public sealed class ExportPortalAccessJobResultsHandler(IReadRepository<PortalAccessJobItem> items, ICsvFileWriter csv)
    : IRequestHandler<ExportPortalAccessJobResults, byte[]>
{
    public async ValueTask<byte[]> Handle(ExportPortalAccessJobResults query, CancellationToken cancellationToken)
    {
        var rows = await items.ListAsync(new JobResultsSpec(query.JobId, query.Filter), cancellationToken);
        return csv.Write(query.Header, rows.Select(query.Cells));
    }
}
