"""Domain errors whose messages are safe to show to a person as they are."""


class MinutebotError(Exception):
    """Base class: the message explains what went wrong and what to do about it."""


class EmptyQuestion(MinutebotError):
    def __init__(self) -> None:
        super().__init__("The question is empty: ask something about the meeting records.")


class UnknownRef(MinutebotError):
    def __init__(self, ref: str) -> None:
        super().__init__(f"Unknown reference {ref!r}: use a ref shown with an answer, such as 'meeting#120-250'.")


class RefOutsideRecord(UnknownRef):
    def __init__(self, ref: str, meeting: str, lines: int, chars: int) -> None:
        MinutebotError.__init__(
            self,
            f"{ref!r} lies outside the record: {meeting} has lines 1-{lines} (characters 0-{chars}). "
            "Use a ref shown with an answer, or lines within those.",
        )


class UnknownMeeting(MinutebotError):
    def __init__(self, meeting: str, likely: str | None = None) -> None:
        guess = f" Did you mean {likely!r}?" if likely else ""
        super().__init__(f"Unknown meeting {meeting!r}.{guess} Run 'minutebot meetings' to list the indexed ones.")


class NoRecords(MinutebotError):
    """The data directory is missing, or holds no record that could be read."""


class NotIndexed(MinutebotError):
    def __init__(self) -> None:
        super().__init__("Nothing is indexed yet: run 'minutebot index' first.")


class StoreNotWritable(MinutebotError):
    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"Cannot write the index store at {path}: {reason}. Set MINUTEBOT_STORE or --store.")


class IndexBusy(MinutebotError):
    def __init__(self) -> None:
        super().__init__("Another reindex is already running; try again when it has finished.")


class StoreUnavailable(MinutebotError):
    """The Chroma server (CHROMA_HOST) cannot be reached."""


class NoMatch(MinutebotError):
    def __init__(self, query: str) -> None:
        super().__init__(f"Nothing in the indexed records matches {query!r}.")


class InvalidSettings(MinutebotError):
    """A setting from the environment or .env has a value that cannot be used."""


class ModelMismatch(MinutebotError):
    def __init__(self, index_model: str, setting: str) -> None:
        super().__init__(
            f"The index was built with the {index_model!r} embedding model, but MINUTEBOT_EMBEDDING_MODEL is "
            f"{setting!r}: run 'minutebot index' to re-embed the records with it, or set it to 'auto'."
        )


class IndexModelChanged(MinutebotError):
    def __init__(self, index_vectors: str, setting_vectors: str) -> None:
        super().__init__(
            f"The index was embedded by {index_vectors!r}, but the settings now give {setting_vectors!r} "
            "(MINUTEBOT_MODEL_PATH or MINUTEBOT_MODEL_TUNING changed, or a new minutebot tunes it anew): "
            "run 'minutebot index' to re-embed the records."
        )


class UnreadableQuestion(MinutebotError):
    def __init__(self) -> None:
        super().__init__("The question has no words in any script minutebot reads: ask it in words.")


class EmptyDateRange(MinutebotError):
    def __init__(self, after: object, before: object) -> None:
        super().__init__(f"No meeting can be dated on or after {after} and on or before {before}: swap the two dates.")


class QuestionInAnotherLanguage(MinutebotError):
    def __init__(self) -> None:
        super().__init__(
            "These records were indexed with all-MiniLM-L6-v2, which reads English only, and the question is in "
            "another script and shares no word with them: ask in English, or set MINUTEBOT_EMBEDDING_MODEL=e5 "
            "and run 'minutebot index' to ask in any language."
        )


class InvalidDay(MinutebotError):
    def __init__(self, text: str) -> None:
        super().__init__(f"{text!r} is not a day: write it as YYYY-MM-DD, such as 2022-06-20.")


class UnreadableRecord(Exception):
    """A file that cannot become a record; the message is the reason shown in the index summary."""
