using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess.Jobs;

/// <summary>
/// Grants portal access to exactly the people a CSV import has just created or updated (the ids its commit returned),
/// as a bulk job like one started from the contacts list: same rows, same rules, same progress page. Returns the job's id.
/// </summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record StartImportPortalAccessJob(IReadOnlyList<int> ContactIds, string FileName, string? WelcomeMessage)
    : IStaffRequest, IRequest<int>
{
    /// <summary>The stored selection of such a job: the file's name after this prefix (language neutral).</summary>
    public const string SelectionPrefix = "Import:";
}

public sealed class StartImportPortalAccessJobValidator : AbstractValidator<StartImportPortalAccessJob>
{
    public StartImportPortalAccessJobValidator()
    {
        RuleFor(c => c.ContactIds).NotEmpty().Must(ids => ids.Count <= ContactImport.MaxRows);
        RuleFor(c => c.WelcomeMessage).MaximumLength(GrantPortalAccessValidator.WelcomeMessageMaxLength)
            .WithMessage(ContactValidation.TooLong);
    }
}

public sealed class StartImportPortalAccessJobHandler(
    IRepository<PortalAccessJob> jobs,
    IUntrackedUnitOfWork rowsWork,
    ICurrentUser currentUser,
    IPortalAccessJobSignal signal,
    TimeProvider clock) : IRequestHandler<StartImportPortalAccessJob, int>
{
    public async ValueTask<int> Handle(StartImportPortalAccessJob command, CancellationToken cancellationToken)
    {
        var (job, rows) = PortalAccessJob.Create(PortalAccessJobKind.Grant, command.ContactIds,
            StartImportPortalAccessJob.SelectionPrefix + command.FileName, command.WelcomeMessage, currentUser.UserId,
            currentUser.ActorName, clock.GetUtcNow());
        await jobs.AddAsync(job, cancellationToken);
        // One transaction: the job first, then its rows untracked, a multi-row INSERT at a time.
        rowsWork.Add(rows);
        await rowsWork.SaveAsync(cancellationToken);
        signal.JobQueued();
        return job.Id;
    }
}
