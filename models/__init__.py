"""The data model: SQLAlchemy 2.x typed declarative classes, one module per aggregate.

Importing this package registers every table on ``Base.metadata`` (what Alembic compares).
"""

from models.base import Base, utcnow
from models.changes import CHANGES_ROW_ID, BankChanges
from models.cluster import Cluster, ClusterState, CurationLog
from models.dataset import (
    AccessLevel,
    Dataset,
    DatasetVisibility,
    Pledge,
    PledgeCondition,
    PledgeStatus,
    UnitOfAnalysis,
)
from models.feedback import MatchFeedback
from models.idempotency import IdempotencyKey
from models.imports import ImportBatch, Setting, import_batch_questions
from models.job import EXCLUSIVE_KINDS, LIVE_STATUSES, Job, JobKind, JobStatus
from models.match import Match
from models.notification import Notification
from models.organisation import SECTOR_LABELS, Organisation, Sector
from models.partnership import (
    ChecklistItem,
    LogKind,
    MemberStatus,
    PartnerRole,
    Partnership,
    PartnershipCheck,
    PartnershipLogEntry,
    PartnershipMember,
    PartnershipStatus,
)
from models.pledge import PledgeStatusChange
from models.question import (
    AnswerLink,
    Flag,
    Question,
    QuestionStatus,
    QuestionStatusChange,
    Support,
    Visibility,
)
from models.topic import Topic
from models.user import ApiToken, OrganisationRole, Role, User
from models.vocabulary import ActionType, Theme, dataset_themes, question_themes
from models.workshop import (
    Workshop,
    WorkshopItem,
    WorkshopMapping,
    WorkshopMode,
    WorkshopParticipant,
    WorkshopPhase,
    WorkshopScore,
)

__all__ = [
    "CHANGES_ROW_ID",
    "EXCLUSIVE_KINDS",
    "LIVE_STATUSES",
    "SECTOR_LABELS",
    "AccessLevel",
    "ActionType",
    "AnswerLink",
    "ApiToken",
    "BankChanges",
    "Base",
    "ChecklistItem",
    "Cluster",
    "ClusterState",
    "CurationLog",
    "Dataset",
    "DatasetVisibility",
    "Flag",
    "IdempotencyKey",
    "ImportBatch",
    "Job",
    "JobKind",
    "JobStatus",
    "LogKind",
    "Match",
    "MatchFeedback",
    "MemberStatus",
    "Notification",
    "Organisation",
    "OrganisationRole",
    "PartnerRole",
    "Partnership",
    "PartnershipCheck",
    "PartnershipLogEntry",
    "PartnershipMember",
    "PartnershipStatus",
    "Pledge",
    "PledgeCondition",
    "PledgeStatus",
    "PledgeStatusChange",
    "Question",
    "QuestionStatus",
    "QuestionStatusChange",
    "Role",
    "Sector",
    "Setting",
    "Support",
    "Theme",
    "Topic",
    "UnitOfAnalysis",
    "User",
    "Visibility",
    "Workshop",
    "WorkshopItem",
    "WorkshopMapping",
    "WorkshopMode",
    "WorkshopParticipant",
    "WorkshopPhase",
    "WorkshopScore",
    "dataset_themes",
    "import_batch_questions",
    "question_themes",
    "utcnow",
]
