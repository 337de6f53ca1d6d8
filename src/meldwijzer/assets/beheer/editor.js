/* The editor's own parts, registered with Decap CMS before it starts (laden.js sets
   CMS_MANUAL_INIT and imports this module once Decap's bundle is there):

   - form fields that check what `meldwijzer check` checks, with its Dutch message
     (regels.js on regels.json; config.yml names them mw-telefoon, mw-url, ...);
   - choices that keep a value the list does not offer, and contacts offered from the
     repository itself after login (the public config.yml names no contact);
   - a YAML format that changes only the lines of what changed (opmaak.js);
   - Dutch labels that say the same thing everywhere ("Klaar", not "Voltooid"). */
import * as YAML from "./yaml/browser/dist/index.js";
import { makeFormats } from "./opmaak.js";
import "./regels.js";

var CMS = window.CMS, h = window.h, createClass = window.createClass;
var table = await (await fetch("regels.json", { credentials: "same-origin" })).json();
var rules = window.MeldwijzerRegels(table);

function today() {
  var d = new Date();
  return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
}
function plainList(value) {
  if (value === null || value === undefined || value === "") { return []; }
  if (value.toJS) { value = value.toJS(); }
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/* A widget that is Decap's own `base` widget with one more check: the rule of `kind`. */
function checked(name, base, kind) {
  var original = CMS.getWidget(base);
  var Control = original.control;
  var Checked = createClass({
    isValid: function () {
      var value = this.props.value;
      if (typeof value === "string" && value !== "") {
        var message = rules.check(kind, value, {
          vandaag: today(), nietInDeToekomst: this.props.field.get("mw_niet_in_toekomst") === true });
        if (message) { return { error: { type: "CUSTOM", parentIds: this.props.parentIds, message: message } }; }
      }
      return this.inner && this.inner.isValid ? this.inner.isValid() : { error: false };
    },
    getValidateValue: function () {
      return this.inner && this.inner.getValidateValue ? this.inner.getValidateValue() : this.props.value;
    },
    focus: function (path) {
      if (this.inner && this.inner.focus) { this.inner.focus(path); return; }
      var element = document.getElementById(this.props.forID);
      if (element) { element.focus(); }
    },
    /* Checked when the field is left, as Decap checks a field with a pattern: on saving,
       Decap misses a field whose name a nested field repeats (telefoon and intern.telefoon
       of a contact), so the check must not wait for the save. */
    leave: function () {
      this.props.setInactiveStyle();
      if (this.props.validate) { this.props.validate(); }
    },
    render: function () {
      var self = this;
      return h(Control, Object.assign({}, this.props, {
        setInactiveStyle: this.leave, ref: function (inner) { self.inner = inner; } }));
    }
  });
  CMS.registerWidget({ name: name, controlComponent: Checked, previewComponent: original.preview,
                       schema: original.schema, globalStyles: original.globalStyles,
                       allowMapValue: original.allowMapValue });
}
checked("mw-id", "string", "id");
checked("mw-tekst", "string", "tekst");
checked("mw-lange-tekst", "text", "lange-tekst");
checked("mw-markdown", "markdown", "markdown");
checked("mw-url", "string", "url");
checked("mw-email", "string", "email");
checked("mw-telefoon", "string", "telefoon");
checked("mw-datum", "datetime", "datum");

/* Contacts as the repository holds them: the entry's own and the region's (regio.yml),
   read through the logged-in backend. Labels name the contact; internal ones say so. */
var regionContacts = null;
function contactsOf(data) {
  var contacts = data && data.contacten;
  if (!contacts) { return []; }
  if (Array.isArray(contacts)) { return contacts.filter(function (c) { return c && c.id; }); }
  return Object.keys(contacts).map(function (id) { return Object.assign({ id: id }, contacts[id]); });
}
function contactOption(contact) {
  var name = contact.naam ? contact.naam + " (" + contact.id + ")" : String(contact.id);
  return { label: contact.zichtbaarheid === "intern" ? name + ", intern" : name, value: String(contact.id) };
}
function loadRegion(loadEntry) {
  if (!regionContacts) {
    regionContacts = Promise.resolve(loadEntry("regio", "regio")).then(function (entry) {
      return contactsOf(entry && entry.data);
    }, function () { regionContacts = null; return []; });
  }
  return regionContacts;
}

var Select = CMS.getWidget("select");
var Keuze = createClass({
  getInitialState: function () { return { region: [] }; },
  componentDidMount: function () {
    var self = this;
    if (this.props.field.get("mw_bron") === "contacten" && this.props.loadEntry) {
      loadRegion(this.props.loadEntry).then(function (list) { if (self.mounted !== false) { self.setState({ region: list }); } });
    }
  },
  componentWillUnmount: function () { this.mounted = false; },
  options: function () {
    var field = this.props.field, options = (field.get("options").toJS ? field.get("options").toJS() : []).slice();
    if (field.get("mw_bron") === "contacten") {
      var entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      var data = entry && entry.get ? entry.get("data") : null;
      var own = contactsOf(data && data.toJS ? data.toJS() : null);
      options = own.concat(this.state.region).map(contactOption);
    }
    var seen = {};
    options = options.filter(function (o) { if (seen[o.value]) { return false; } seen[o.value] = true; return true; });
    plainList(this.props.value).forEach(function (value) {
      if (!seen[value]) { seen[value] = true; options.push({ label: value + " (staat niet in de lijst)", value: value }); }
    });
    return options;
  },
  isValid: function () { return this.inner && this.inner.isValid ? this.inner.isValid() : { error: false }; },
  render: function () {
    var self = this, base = this.props.field.get("options");
    var field = this.props.field.set("options", base.clear().push.apply(base.clear(), this.options()));
    return h(Select.control, Object.assign({}, this.props, { field: field, ref: function (inner) { self.inner = inner; } }));
  }
});
CMS.registerWidget({ name: "mw-keuze", controlComponent: Keuze, previewComponent: Select.preview });

var formats = makeFormats(YAML);
CMS.registerCustomFormat("mw-yaml", "yml", formats.yaml);
CMS.registerCustomFormat("mw-frontmatter", "md", formats.frontmatter);

/* Decap's Dutch says "Voltooid" and "Gereed" where its menu says "Klaar", and claims
   "Wijzigingen opgeslagen" for a new, empty entry. */
var nl = JSON.parse(JSON.stringify(CMS.getLocale("nl")));
nl.editor.editorToolbar.changesSaved = "Geen wijzigingen";
nl.editor.editor.onPublishingNotReady = 'Zet de status op "Klaar" voordat je publiceert.';
nl.workflow.workflowList.onPublishingNotReadyEntry =
  'Alleen items met de status "Klaar" kunnen worden gepubliceerd. Sleep de kaart naar de kolom "Klaar" om te publiceren.';
CMS.registerLocale("nl", nl);

CMS.init();
