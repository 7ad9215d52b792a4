using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess.Jobs;

/// <summary>
/// Starts an access move for every contact the list's search and filter match now: the selection is fixed here, in the
/// job's rows, and the runner works through them in the background. Returns the job's id.
/// </summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record StartPortalAccessJob(
    PortalAccessJobKind Kind, string? Search, AccessFilter Access, string? WelcomeMessage, int? CompanyId = null)
        : IStaffRequest, IRequest<int>;

public sealed class StartPortalAccessJobValidator : AbstractValidator<StartPortalAccessJob>
{
    public StartPortalAccessJobValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Access).IsInEnum();
        RuleFor(c => c.Search).MaximumLength(Contact.NameMaxLength).WithMessage(ContactValidation.TooLong);
        RuleFor(c => c.WelcomeMessage).MaximumLength(GrantPortalAccessValidator.WelcomeMessageMaxLength)
            .WithMessage(ContactValidation.TooLong);
    }
}

public sealed class StartPortalAccessJobHandler(
    IReadRepository<Contact> contacts,
    IContactSearch search,
    AccessConditions conditions,
    IRepository<PortalAccessJob> jobs,
    IUntrackedUnitOfWork rowsWork,
    ICurrentUser currentUser,
    IPortalAccessJobSignal signal,
    TimeProvider clock) : IRequestHandler<StartPortalAccessJob, int>
{
    public async ValueTask<int> Handle(StartPortalAccessJob command, CancellationToken cancellationToken)
    {
        var selection = new ContactSelection(command.Search, command.Access, command.CompanyId);
        var ids = await contacts.ListAsync(new MatchingContactIdsSpec(selection, search, conditions), cancellationToken);
        var (job, rows) = PortalAccessJob.Create(command.Kind, ids, selection.Describe(), command.WelcomeMessage,
            currentUser.UserId, currentUser.ActorName, clock.GetUtcNow());
        if (rows.Count == 0) job.Complete(clock.GetUtcNow());
        await jobs.AddAsync(job, cancellationToken);
        // One transaction: the job first, then its rows untracked, a multi-row INSERT at a time.
        rowsWork.Add(rows);
        await rowsWork.SaveAsync(cancellationToken);
        signal.JobQueued();
        return job.Id;
    }
}
