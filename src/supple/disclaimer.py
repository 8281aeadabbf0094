"""The sentence every human-facing output carries."""

DISCLAIMER = (
    "supple is not medical advice. Stop and seek care if pain increases sharply, spreads down a "
    "leg, or any warning sign appears (such as numbness around the groin, bladder or bowel "
    "changes, or weakness in the legs)."
)
