namespace Postmortems.Commands
{
    /// <summary>The ErrorIds the cmdlets report. They are part of the module's API: scripts match on them.</summary>
    public static class ErrorIds
    {
        public const string InvalidTimelineTime = "InvalidTimelineTime";
        public const string AmbiguousTimelineTime = "AmbiguousTimelineTime";
        public const string InvalidTimeZone = "InvalidTimeZone";
        public const string InvalidTimelineEvent = "InvalidTimelineEvent";
        public const string TimelineEventNotFound = "TimelineEventNotFound";
        public const string ActionItemNotFound = "ActionItemNotFound";
        public const string InvalidActionItemStatus = "InvalidActionItemStatus";
        public const string EntryNotFound = "EntryNotFound";
        public const string EntryNotGiven = "EntryNotGiven";
        public const string ExportFileExists = "ExportFileExists";
        public const string ExportFormatNotSupported = "ExportFormatNotSupported";
        public const string ExportFolderNotFound = "ExportFolderNotFound";
        public const string ExportWriteFailed = "ExportWriteFailed";
        public const string ExportNothingToWrite = "ExportNothingToWrite";
        public const string ExportManyToOnePath = "ExportManyToOnePath";
        public const string ExportPathIsFolder = "ExportPathIsFolder";
        public const string ExportForceWithNoClobber = "ExportForceWithNoClobber";
        public const string InvalidPostmortemText = "InvalidPostmortemText";
        public const string PostmortemNotReloadable = "PostmortemNotReloadable";
        public const string PostmortemFileChanged = "PostmortemFileChanged";
        public const string PostmortemNotFromFile = "PostmortemNotFromFile";
        public const string InvalidPostmortemValue = "InvalidPostmortemValue";
        public const string ObservationMissing = "ObservationMissing";
        public const string SettingsNotFound = "SettingsNotFound";
        public const string InvalidSettings = "InvalidSettings";
        public const string UnknownRule = "UnknownRule";
        public const string PostmortemFileNotFound = "PostmortemFileNotFound";
        public const string InvalidPostmortemFile = "InvalidPostmortemFile";
        public const string InvalidTimelineRecord = "InvalidTimelineRecord";
        public const string TimelineSourceUnreadable = "TimelineSourceUnreadable";
        public const string TimelineFileNotFound = "TimelineFileNotFound";
        public const string InvalidTimelinePattern = "InvalidTimelinePattern";
        public const string InvalidTimelineOption = "InvalidTimelineOption";
        public const string BookStackNotConnected = "BookStackNotConnected";
        public const string BookStackConnectionInvalid = "BookStackConnectionInvalid";
        public const string BookStackUnauthorized = "BookStackUnauthorized";
        public const string BookStackForbidden = "BookStackForbidden";
        public const string BookStackNotFound = "BookStackNotFound";
        public const string BookStackValidation = "BookStackValidation";
        public const string BookStackRateLimited = "BookStackRateLimited";
        public const string BookStackUnavailable = "BookStackUnavailable";
        public const string BookStackFailed = "BookStackFailed";
        public const string BookStackPageChanged = "BookStackPageChanged";
        public const string BookStackPageNotFound = "BookStackPageNotFound";
        public const string PostmortemMergeConflict = "PostmortemMergeConflict";
        public const string PostmortemNotPublished = "PostmortemNotPublished";
        public const string PostmortemNotPublishable = "PostmortemNotPublishable";
        public const string PostmortemStateRefused = "PostmortemStateRefused";
        public const string PostmortemLocked = "PostmortemLocked";
        public const string PostmortemNotFinal = "PostmortemNotFinal";
        public const string PostmortemContainsSecrets = "PostmortemContainsSecrets";
        public const string ExternalVersionHasInternalDetail = "ExternalVersionHasInternalDetail";
        public const string ExternalVersionIncomplete = "ExternalVersionIncomplete";
        public const string ExternalVersionNotApproved = "ExternalVersionNotApproved";
        public const string ExternalAudienceNotSupported = "ExternalAudienceNotSupported";
        public const string TrackerConnectionInvalid = "TrackerConnectionInvalid";
        public const string TrackerUnauthorized = "TrackerUnauthorized";
        public const string TrackerForbidden = "TrackerForbidden";
        public const string TrackerNotFound = "TrackerNotFound";
        public const string TrackerValidation = "TrackerValidation";
        public const string TrackerRateLimited = "TrackerRateLimited";
        public const string TrackerUnavailable = "TrackerUnavailable";
        public const string TrackerFailed = "TrackerFailed";
        public const string InvalidTrackerExport = "InvalidTrackerExport";
        public const string TrackerExportNotFound = "TrackerExportNotFound";
    }
}
