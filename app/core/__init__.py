"""The spine every feature stands on: errors, policy, paging and web helpers."""
