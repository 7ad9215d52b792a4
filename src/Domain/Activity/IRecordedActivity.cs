using Portal.Domain.Common;

namespace Portal.Domain.Activity;

/// <summary>A domain event that also belongs in the activity list; its handler writes the entry in the change's transaction.</summary>
public interface IRecordedActivity : IDomainEvent
{
    ActivityEntry ToActivity(int? actorUserId);
}
