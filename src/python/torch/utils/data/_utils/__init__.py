"""torch.utils.data._utils: collation and fetching helpers used by the DataLoader."""
from . import collate, fetch

__all__ = ["collate", "fetch"]
