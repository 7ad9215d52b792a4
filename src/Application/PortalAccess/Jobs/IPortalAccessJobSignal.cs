namespace Portal.Application.PortalAccess.Jobs;

/// <summary>Wakes the job runner as soon as a job is committed, instead of at its next poll.</summary>
public interface IPortalAccessJobSignal
{
    void JobQueued();
}
